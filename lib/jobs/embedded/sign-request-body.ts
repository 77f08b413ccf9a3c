import "server-only";

import { createHmac } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * Signs a call to the serve handler as an Inngest server does: `t=<unix seconds>&s=<hex HMAC-SHA256>`
 * over the canonical JSON of the body followed by t, keyed by the signing key without its
 * `signkey-<env>-` prefix. Returns the exact body text to send with the signature.
 */
export function signRequestBody(body: unknown, signingKey: string, now: Date): { text: string; signature: string } {
  const text = canonicalize(body) ?? "null";
  const t = String(Math.floor(now.getTime() / 1000));
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  const s = createHmac("sha256", key)
    .update(text + t)
    .digest("hex");
  return { text, signature: `t=${t}&s=${s}` };
}
