import "server-only";

import { Webhook } from "standardwebhooks";

/**
 * Standard Webhooks headers for one delivery: `webhook-id` (the event id, the same on every retry),
 * `webhook-timestamp` (seconds) and `webhook-signature` — one `v1,<base64>` per secret, space-separated,
 * so receivers accept either secret while a rotation is under way.
 */
export function standardWebhookHeaders(secrets: string[], eventId: string, body: string, at: Date): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, at, body));
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
