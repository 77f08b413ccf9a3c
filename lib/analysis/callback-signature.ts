import { hmacSha256Hex, isHmacSha256 } from "@/lib/secrets/hmac";

/**
 * A repository's callback key: HMAC-SHA256(WEBHOOK_SECRET, lowercase `owner/repo`), hex. The repository
 * stores it as its secret WEBHOOK_SECRET, so a key leaked from one repository signs nothing for another.
 */
export function repositoryCallbackKey(rootSecret: string, repository: string): string {
  return hmacSha256Hex(rootSecret, repository.toLowerCase());
}

/**
 * The key a feature's callbacks are signed with: HMAC-SHA256(repository key, feature id), hex. The shipped
 * workflow derives the same value from the repository's secret, so no secret travels in workflow inputs.
 */
export function featureCallbackKey(repositoryKey: string, featureId: string): string {
  return hmacSha256Hex(repositoryKey, featureId);
}

/** `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body with the feature's key. */
export function signCallbackBody(featureKey: string, body: string | Uint8Array): string {
  return hmacSha256Hex(featureKey, body);
}

/** Constant-time check of a callback signature (an optional `sha256=` prefix is accepted). */
export function isValidCallbackSignature(featureKey: string, body: Uint8Array, signature: string): boolean {
  return isHmacSha256(featureKey, body, signature.trim().replace(/^sha256=/i, ""));
}
