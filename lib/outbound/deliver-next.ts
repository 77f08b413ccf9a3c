import "server-only";

import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";

import { outboundEvents, webhookDeliveries, webhookDeliveryAttempts, webhookEndpointState, type WebhookDelivery } from "@/db/schema";
import { getMetrics } from "@/lib/metrics/registry";

import { OPEN_STATUSES } from "./delivery-status";
import type { OutboundDeps } from "./deps";
import { envelopeOf } from "./event-envelope";
import { recordEvent } from "./record-event";
import { sendWebhook, type SendResult } from "./send-webhook";
import { standardWebhookHeaders } from "./sign-webhook";
import { wakeEndpoints } from "./wake-endpoints";

const MAX_RETRY_AFTER_MS = 3600_000;
/** How soon an endpoint this instance cannot sign for (its secret is missing here) is looked at again. */
const UNKNOWN_ENDPOINT_RECHECK_MS = 30_000;

export type DeliverNextResult =
  | { state: "empty" }
  | { state: "paused" }
  /** The oldest open delivery is in backoff (or being sent by another delivery job) until then. */
  | { state: "wait"; until: string }
  | { state: "attempted"; deliveryId: string; sequence: number; outcome: "succeeded" | "retrying" | "failed" };

/** Delay before retry `retry` (1-based): base · 2^(retry-1), or longer when the receiver asked (Retry-After), at most 1 h. */
export function retryDelayMs(baseDelayMs: number, retry: number, retryAfterSeconds: number | null): number {
  const backoff = baseDelayMs * 2 ** (retry - 1);
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(backoff, (retryAfterSeconds ?? 0) * 1000));
}

/**
 * One step of an endpoint's delivery job: sends the endpoint's oldest open delivery — its lowest open
 * sequence — if it is due. Only that one is ever sent, so event N+1 never reaches an endpoint before event N
 * has succeeded or given up, however many delivery jobs run; a lease keeps two from sending it at once.
 */
export async function deliverNext(deps: OutboundDeps, endpointId: string): Promise<DeliverNextResult> {
  const now = deps.now();
  const endpoint = deps.endpoints().find((candidate) => candidate.id === endpointId) ?? (await confirmedEndpoint(deps, endpointId));
  if (endpoint === "unresolved") return { state: "wait", until: new Date(now.getTime() + UNKNOWN_ENDPOINT_RECHECK_MS).toISOString() };
  if (!endpoint) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "failed", errorMessage: "the endpoint was removed from webhooks.yaml", completedAt: now })
      .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, [...OPEN_STATUSES])));
    return { state: "empty" };
  }
  const [state] = await deps.db.select().from(webhookEndpointState).where(eq(webhookEndpointState.endpointId, endpointId));
  if (state?.pausedAt) return { state: "paused" };

  const [head] = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, [...OPEN_STATUSES])))
    .orderBy(asc(webhookDeliveries.sequence))
    .limit(1);
  if (!head) return { state: "empty" };
  if (head.nextAttemptAt > now) return { state: "wait", until: head.nextAttemptAt.toISOString() };

  const [claimed] = await deps.db
    .update(webhookDeliveries)
    .set({ leaseUntil: new Date(now.getTime() + deps.settings.timeoutMs + 5000) })
    .where(
      and(
        eq(webhookDeliveries.id, head.id),
        inArray(webhookDeliveries.status, [...OPEN_STATUSES]),
        or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .returning();
  if (!claimed) return { state: "wait", until: (head.leaseUntil ?? now).toISOString() };

  const [event] = await deps.db.select().from(outboundEvents).where(eq(outboundEvents.id, claimed.eventId));
  const body = envelopeOf(event!);
  const result = await sendWebhook(
    { url: endpoint.url, body, headers: standardWebhookHeaders(endpoint.secrets, event!.id, body, deps.now()) },
    { timeoutMs: deps.settings.timeoutMs, allowLoopback: deps.settings.allowLoopback },
  );
  const outcome = await recordAttempt(deps, claimed, result, now);
  return { state: "attempted", deliveryId: claimed.id, sequence: claimed.sequence, outcome };
}

/**
 * An endpoint this instance does not hold, as the database's current config has it: another instance
 * may have reloaded webhooks.yaml since this one last looked. Undefined only when the endpoint is truly
 * gone from the config (its deliveries then fail); "unresolved" when it is there but its secret cannot be
 * read here (its deliveries wait, for this or another instance).
 */
async function confirmedEndpoint(deps: OutboundDeps, endpointId: string) {
  const confirmed = await deps.confirmedEndpoints(deps.db);
  if (confirmed.unresolved.includes(endpointId)) return "unresolved" as const;
  return confirmed.endpoints.find((candidate) => candidate.id === endpointId);
}

/** Stores the attempt, moves the delivery on, and keeps the endpoint's failure streak (pausing it when due). */
async function recordAttempt(deps: OutboundDeps, delivery: WebhookDelivery, result: SendResult, startedAt: Date) {
  const attempt = delivery.attemptCount + 1;
  const gone = result.httpStatus === 410;
  const outcome = result.ok ? "succeeded" : attempt > deps.settings.maxRetries && !gone ? "failed" : "retrying";
  const finishedAt = deps.now();
  const errorMessage = result.error?.slice(0, 1000) ?? null;
  getMetrics().outboundAttemptSeconds.observe(
    { endpoint_id: delivery.endpointId, outcome: result.ok ? "succeeded" : "failed" },
    result.latencyMs / 1000,
  );
  let pausedReason: string | null = null;
  const woken = await deps.db.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId: delivery.id,
      attempt,
      outcome: result.ok ? "succeeded" : "failed",
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      errorMessage,
      responseExcerpt: result.responseExcerpt,
      requestHeaders: result.requestHeaders,
      responseHeaders: result.responseHeaders,
      startedAt,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        status: outcome,
        attemptCount: attempt,
        leaseUntil: null,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
        errorMessage,
        responseExcerpt: result.responseExcerpt,
        nextAttemptAt:
          outcome === "retrying"
            ? new Date(finishedAt.getTime() + retryDelayMs(deps.settings.baseDelayMs, attempt, result.retryAfterSeconds))
            : delivery.nextAttemptAt,
        completedAt: outcome === "retrying" ? null : finishedAt,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    const [state] = await tx
      .update(webhookEndpointState)
      .set({ consecutiveFailures: result.ok ? 0 : sql`${webhookEndpointState.consecutiveFailures} + 1`, updatedAt: finishedAt })
      .where(eq(webhookEndpointState.endpointId, delivery.endpointId))
      .returning();
    if (!result.ok && state && !state.pausedAt && (gone || state.consecutiveFailures >= deps.settings.autoPauseAfterFailures)) {
      pausedReason = gone ? "the receiver answered 410 Gone" : `${state.consecutiveFailures} deliveries failed in a row`;
      await tx
        .update(webhookEndpointState)
        .set({ pausedAt: finishedAt, pausedReason })
        .where(eq(webhookEndpointState.endpointId, delivery.endpointId));
      return recordEvent(tx, (await deps.confirmedEndpoints(tx)).endpoints, {
        type: "endpoint.paused",
        data: { endpoint_id: delivery.endpointId, reason: pausedReason },
        at: finishedAt,
      });
    }
    return undefined;
  });
  if (woken) {
    deps.log.warn("webhook endpoint paused", { endpoint_id: delivery.endpointId, reason: pausedReason });
    await wakeEndpoints(deps, woken.endpointIds);
  }
  return outcome;
}

export type DeliverBatchResult = Exclude<DeliverNextResult, { state: "attempted" }> | { state: "attempted"; attempts: number };

/**
 * Sends due deliveries one after another — still only ever the oldest open one — until the queue is empty, a
 * delivery backs off, or the batch is full. One job step per batch instead of per delivery keeps a
 * burst from costing a step (and its memoized state) per event; each attempt is committed as it happens.
 */
export async function deliverBatch(
  deps: OutboundDeps,
  endpointId: string,
  limits = { deliveries: 25, ms: 10_000 },
): Promise<DeliverBatchResult> {
  const started = Date.now();
  let attempts = 0;
  for (;;) {
    const next = await deliverNext(deps, endpointId);
    if (next.state !== "attempted") return attempts && next.state === "empty" ? { state: "attempted", attempts } : next;
    attempts++;
    if (next.outcome === "retrying" || attempts >= limits.deliveries || Date.now() - started >= limits.ms)
      return { state: "attempted", attempts };
  }
}
