// Plain tuples with no imports, so the pages can use them without shipping drizzle to the browser.

/** Every state a delivery is in; the `webhook_delivery_status` pgEnum is built from this tuple. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "retrying", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A delivery still to be sent: due now, or waiting out a backoff. */
export const OPEN_STATUSES = ["pending", "retrying"] as const satisfies readonly WebhookDeliveryStatus[];

/** How one HTTP attempt of a delivery ended. */
export const DELIVERY_ATTEMPT_OUTCOMES = ["succeeded", "failed"] as const;
export type DeliveryAttemptOutcome = (typeof DELIVERY_ATTEMPT_OUTCOMES)[number];
