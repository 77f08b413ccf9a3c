import "server-only";

import type { WebhookEvent } from "@/db/schema";
import { githubWebhookReceived, type JobEventOf } from "@/inngest/events";

/** The job event that asks for one attempt at processing an inbound event (idempotent per attempt). */
export function processingEvent(
  event: Pick<WebhookEvent, "id" | "eventType" | "webhookId" | "attempts">,
): JobEventOf<typeof githubWebhookReceived> {
  return {
    name: githubWebhookReceived.name,
    data: {
      event_id: event.id,
      event_type: event.eventType,
      delivery_id: event.webhookId,
      attempt: event.attempts,
      processing_key: `${event.id}:${event.attempts}`,
    },
  };
}
