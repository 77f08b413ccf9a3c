import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpointState, type WebhookDelivery, type WebhookDeliveryStatus } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";
import type { OutboundDeps } from "./deps";
import { nextSequence, wakeEndpoints } from "./emit-event";
import { isUuid } from "@/db/uuid";

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

/** The delivery log, newest first, by keyset pages, each delivery with its attempts. */
export async function listDeliveries(
  deps: Pick<OutboundDeps, "db">,
  input: { endpointId?: string; status?: WebhookDeliveryStatus; eventType?: string; cursor?: Cursor; limit: number },
) {
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        input.endpointId ? eq(webhookDeliveries.endpointId, input.endpointId) : undefined,
        input.status ? eq(webhookDeliveries.status, input.status) : undefined,
        input.eventType ? eq(webhookDeliveries.eventType, input.eventType) : undefined,
        afterCursor(webhookDeliveries.createdAt, webhookDeliveries.id, input.cursor),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const ids = rows.slice(0, input.limit).map((row) => row.id);
  const attempts = ids.length
    ? await deps.db.select().from(webhookDeliveryAttempts).where(inArray(webhookDeliveryAttempts.deliveryId, ids)).orderBy(asc(webhookDeliveryAttempts.attempt))
    : [];
  return keysetPage(rows, input.limit, (delivery) => ({
    ...toDeliveryView(delivery),
    attempts: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({
        attempt: attempt.attempt,
        outcome: attempt.outcome,
        http_status: attempt.httpStatus,
        latency_ms: attempt.latencyMs,
        error_message: attempt.errorMessage,
        response_excerpt: attempt.responseExcerpt,
        started_at: attempt.startedAt.toISOString(),
      })),
  }));
}

/** A new attempt chain for a logged delivery: the same event (same webhook-id) at the end of the endpoint's queue. */
export async function redeliver(deps: Pick<OutboundDeps, "db" | "endpoints" | "sendEvent" | "now">, deliveryId: string): Promise<WebhookDelivery> {
  const [original] = isUuid(deliveryId) ? await deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)) : [];
  if (!original) throw notFound("Delivery");
  const copies = await requeue(deps, [original]);
  return copies[0]!;
}

/** Redelivers every failed delivery of an endpoint since `since`, in their original order. */
export async function recoverEndpoint(deps: Pick<OutboundDeps, "db" | "endpoints" | "sendEvent" | "now">, endpointId: string, since: Date): Promise<WebhookDelivery[]> {
  const failed = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "failed"), gte(webhookDeliveries.createdAt, since)))
    .orderBy(asc(webhookDeliveries.sequence));
  return failed.length ? requeue(deps, failed) : [];
}

async function requeue(deps: Pick<OutboundDeps, "db" | "endpoints" | "sendEvent" | "now">, originals: WebhookDelivery[]): Promise<WebhookDelivery[]> {
  const endpoints = new Map(deps.endpoints().map((endpoint) => [endpoint.id, endpoint]));
  for (const original of originals) {
    if (!endpoints.has(original.endpointId)) throw new AppError(409, "endpoint_removed", `Endpoint ${original.endpointId} is no longer in webhooks.yaml`);
  }
  const now = deps.now();
  const copies = await deps.db.transaction(async (tx) => {
    const created: WebhookDelivery[] = [];
    for (const original of originals) {
      const [copy] = await tx
        .insert(webhookDeliveries)
        .values({
          eventId: original.eventId,
          eventType: original.eventType,
          endpointId: original.endpointId,
          endpointUrl: endpoints.get(original.endpointId)!.url,
          sequence: await nextSequence(tx, original.endpointId),
          redeliveryOf: original.id,
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning();
      created.push(copy!);
    }
    return created;
  });
  await wakeEndpoints(deps, [...new Set(copies.map((copy) => copy.endpointId))]);
  return copies;
}

/** Pauses an endpoint: its deliveries wait, in order, until it is resumed. */
export async function pauseEndpoint(deps: Pick<OutboundDeps, "db" | "now">, endpointId: string) {
  const now = deps.now();
  const reason = "paused by an admin";
  await deps.db
    .insert(webhookEndpointState)
    .values({ endpointId, pausedAt: now, pausedReason: reason })
    .onConflictDoUpdate({ target: webhookEndpointState.endpointId, set: { pausedAt: now, pausedReason: reason, updatedAt: now } });
}

/** Resumes an endpoint and wakes its drainer; the failure streak starts again. */
export async function resumeEndpoint(deps: Pick<OutboundDeps, "db" | "now" | "sendEvent">, endpointId: string) {
  await deps.db
    .update(webhookEndpointState)
    .set({ pausedAt: null, pausedReason: null, consecutiveFailures: 0, updatedAt: deps.now() })
    .where(eq(webhookEndpointState.endpointId, endpointId));
  await wakeEndpoints(deps, [endpointId]);
}

/** Configured endpoints (never their secrets) with their runtime state. */
export async function listEndpoints(deps: Pick<OutboundDeps, "db" | "endpoints">) {
  const states = await deps.db.select().from(webhookEndpointState);
  const byId = new Map(states.map((state) => [state.endpointId, state]));
  return deps.endpoints().map((endpoint) => {
    const state = byId.get(endpoint.id);
    return {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events,
      enabled: endpoint.enabled,
      description: endpoint.description,
      secret_name: endpoint.secretName,
      rotating_secret: endpoint.secrets.length > 1,
      paused: Boolean(state?.pausedAt),
      paused_at: state?.pausedAt?.toISOString() ?? null,
      paused_reason: state?.pausedReason ?? null,
      consecutive_failures: state?.consecutiveFailures ?? 0,
    };
  });
}
