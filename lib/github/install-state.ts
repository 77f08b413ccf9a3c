import "server-only";

import { randomBytes } from "node:crypto";

import type { Config } from "@/lib/config";
import { dataDirSecret } from "@/lib/secrets/data-dir-secret";
import { hmacSha256Hex, isHmacSha256 } from "@/lib/secrets/hmac";

const STATE_TTL_MS = 30 * 60_000;

function stateKey(config: Pick<Config, "AUTH_SECRET" | "DATA_DIR">): string {
  return `install-state:${config.AUTH_SECRET ?? dataDirSecret(config.DATA_DIR, "install-state-key", () => randomBytes(32).toString("hex"))}`;
}

/**
 * The `state` sent to GitHub's install page, bound to the signed-in user: `<user>.<expiry>.<nonce>.<hmac>`.
 * GitHub hands it back to the setup URL; a forged, expired or someone else's state is refused.
 */
export function createInstallState(config: Pick<Config, "AUTH_SECRET" | "DATA_DIR">, userId: string, now = Date.now()): string {
  const body = `${Buffer.from(userId).toString("base64url")}.${now + STATE_TTL_MS}.${randomBytes(9).toString("base64url")}`;
  return `${body}.${hmacSha256Hex(stateKey(config), body)}`;
}

export function isInstallStateFor(
  config: Pick<Config, "AUTH_SECRET" | "DATA_DIR">,
  state: string,
  userId: string,
  now = Date.now(),
): boolean {
  const parts = state.split(".");
  if (parts.length !== 4) return false;
  const [user, expiry, nonce, signature] = parts as [string, string, string, string];
  const body = `${user}.${expiry}.${nonce}`;
  return (
    isHmacSha256(stateKey(config), Buffer.from(body), signature) &&
    Buffer.from(user, "base64url").toString() === userId &&
    Number(expiry) > now
  );
}
