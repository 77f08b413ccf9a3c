// Plain tuples with no imports, so the event log page can use them without shipping drizzle to the browser.

/** Where an inbound delivery stands: the `webhook_event_status` pgEnum. */
export const WEBHOOK_EVENT_STATUSES = ["received", "processed", "failed", "ignored"] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/** Who sent an inbound delivery: the `source` column of webhook_events. */
export const WEBHOOK_EVENT_SOURCES = ["github", "analysis_result"] as const;
export type WebhookEventSource = (typeof WEBHOOK_EVENT_SOURCES)[number];
