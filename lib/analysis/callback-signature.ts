import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The secret a feature's callbacks are signed with: HMAC-SHA256(WEBHOOK_SECRET, feature id), hex. The
 * shipped workflow derives the same value from the repository secret WEBHOOK_SECRET, so no secret ever
 * travels in workflow inputs.
 */
export function featureWebhookSecret(webhookSecret: string, featureId: string): string {
  return createHmac("sha256", webhookSecret).update(featureId).digest("hex");
}

/** `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body with the feature's secret. */
export function signCallbackBody(featureSecret: string, body: string | Uint8Array): string {
  return createHmac("sha256", featureSecret).update(body).digest("hex");
}

/** Constant-time check of a callback signature (an optional `sha256=` prefix is accepted). */
export function isValidCallbackSignature(featureSecret: string, body: Uint8Array, signature: string): boolean {
  const given = signature.trim().replace(/^sha256=/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(signCallbackBody(featureSecret, body), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
