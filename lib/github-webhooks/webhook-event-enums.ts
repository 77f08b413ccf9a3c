// Plain tuples with no imports, so the event log page can use them without shipping drizzle to the browser.

/** Where an inbound delivery stands: the `webhook_event_status` pgEnum. */
export const WEBHOOK_EVENT_STATUSES = ["received", "processed", "failed", "ignored"] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/** Who sent an inbound delivery: the `source` column of webhook_events. */
export const WEBHOOK_EVENT_SOURCES = ["github", "analysis_result"] as const;
export type WebhookEventSource = (typeof WEBHOOK_EVENT_SOURCES)[number];

/** Why an inbound event was (re)processed: the first receipt, GitHub sending it again, or a person's replay. */
export const WEBHOOK_ATTEMPT_TRIGGERS = ["delivery", "redelivery", "replay"] as const;
export type WebhookAttemptTrigger = (typeof WEBHOOK_ATTEMPT_TRIGGERS)[number];

/** How a processing attempt ended; null while it is under way. */
export const WEBHOOK_ATTEMPT_OUTCOMES = ["processed", "ignored", "failed"] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];
