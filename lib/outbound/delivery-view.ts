import "server-only";

import type { WebhookDelivery, WebhookDeliveryAttempt } from "@/db/schema";

/** A delivery as the admin API shows it. */
export function toDeliveryView(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    endpoint_id: delivery.endpointId,
    endpoint_url: delivery.endpointUrl,
    sequence: delivery.sequence,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    http_status: delivery.httpStatus,
    latency_ms: delivery.latencyMs,
    error_message: delivery.errorMessage,
    response_excerpt: delivery.responseExcerpt,
    next_attempt_at: delivery.status === "retrying" ? delivery.nextAttemptAt.toISOString() : null,
    redelivery_of: delivery.redeliveryOf,
    created_at: delivery.createdAt.toISOString(),
    completed_at: delivery.completedAt?.toISOString() ?? null,
  };
}

/** One HTTP attempt as the admin API shows it: what was sent (headers) and what came back. */
export function toAttemptView(attempt: WebhookDeliveryAttempt) {
  return {
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    http_status: attempt.httpStatus,
    latency_ms: attempt.latencyMs,
    error_message: attempt.errorMessage,
    response_excerpt: attempt.responseExcerpt,
    request_headers: attempt.requestHeaders,
    response_headers: attempt.responseHeaders,
    started_at: attempt.startedAt.toISOString(),
  };
}
