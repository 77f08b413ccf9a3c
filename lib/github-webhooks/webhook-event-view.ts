import "server-only";

import type { WebhookEvent } from "@/db/schema";

/** An inbound event as the event log shows it, without its payload. */
export function toWebhookEventView(event: WebhookEvent) {
  return {
    id: event.id,
    delivery_id: event.webhookId,
    source: event.source,
    event_type: event.eventType,
    action: event.action,
    repository: event.repository,
    installation_id: event.installationId,
    status: event.status,
    error: event.error,
    attempts: event.attempts,
    received_at: event.receivedAt.toISOString(),
    processed_at: event.processedAt?.toISOString() ?? null,
  };
}
