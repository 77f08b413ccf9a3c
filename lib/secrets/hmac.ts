import { createHmac, timingSafeEqual } from "node:crypto";

/** Hex HMAC-SHA256 of `data` with `key`. */
export function hmacSha256Hex(key: string, data: string | Uint8Array): string {
  return createHmac("sha256", key).update(data).digest("hex");
}

/** Constant-time check that `signatureHex` is the HMAC-SHA256 of the exact bytes `body`. */
export function isHmacSha256(key: string, body: Uint8Array, signatureHex: string): boolean {
  const given = signatureHex.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(hmacSha256Hex(key, body), "hex"), Buffer.from(given, "hex"));
}
