import "server-only";

import { createHash, randomBytes } from "node:crypto";

const PREFIX = "hks_";

/** A new personal API token: 32 random bytes, recognisable by its prefix (secret scanners, logs). */
export function generateApiTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Tokens carry 256 bits of entropy, so a plain SHA-256 is a safe one-way store (no slow KDF needed). */
export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What the UI shows to tell tokens apart, never enough to use one. */
export function apiTokenPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}
