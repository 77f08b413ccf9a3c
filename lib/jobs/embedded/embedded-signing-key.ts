import "server-only";

import { randomBytes } from "node:crypto";

import { dataDirSecret } from "@/lib/secrets/data-dir-secret";

/**
 * The key that signs the embedded executor's calls to /api/inngest: INNGEST_SIGNING_KEY when set, else
 * one generated once and kept under DATA_DIR, so the endpoint never runs unsigned calls.
 */
export function embeddedSigningKey(configured: string | undefined, dataDir: string): string {
  return configured ?? dataDirSecret(dataDir, "inngest-signing-key", () => `signkey-embedded-${randomBytes(32).toString("hex")}`);
}
