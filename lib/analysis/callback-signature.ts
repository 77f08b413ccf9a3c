import { hmacSha256Hex, isHmacSha256 } from "@/lib/secrets/hmac";

/**
 * The secret a feature's callbacks are signed with: HMAC-SHA256(WEBHOOK_SECRET, feature id), hex. The
 * shipped workflow derives the same value from the repository secret WEBHOOK_SECRET, so no secret ever
 * travels in workflow inputs.
 */
export function featureWebhookSecret(webhookSecret: string, featureId: string): string {
  return hmacSha256Hex(webhookSecret, featureId);
}

/** `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body with the feature's secret. */
export function signCallbackBody(featureSecret: string, body: string | Uint8Array): string {
  return hmacSha256Hex(featureSecret, body);
}

/** Constant-time check of a callback signature (an optional `sha256=` prefix is accepted). */
export function isValidCallbackSignature(featureSecret: string, body: Uint8Array, signature: string): boolean {
  return isHmacSha256(featureSecret, body, signature.trim().replace(/^sha256=/i, ""));
}
