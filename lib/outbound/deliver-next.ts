import "server-only";

import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, notExists, or, sql } from "drizzle-orm";

import {
  outboundEvents,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpointState,
  type OutboundEvent,
  type WebhookDelivery,
} from "@/db/schema";
import { getMetrics } from "@/lib/metrics/registry";

import { OPEN_STATUSES } from "./delivery-status";
import type { OutboundDeps } from "./deps";
import type { Endpoint } from "./endpoints-config";
import { envelopeOf } from "./event-envelope";
import { recordEvent } from "./record-event";
import { sendWebhook, type SendResult } from "./send-webhook";
import { standardWebhookHeaders } from "./sign-webhook";
import { wakeEndpoints } from "./wake-endpoints";

const MAX_RETRY_AFTER_MS = 3600_000;
/** How soon an endpoint this instance cannot sign for (its secret is missing here) is looked at again. */
const UNKNOWN_ENDPOINT_RECHECK_MS = 30_000;

/** A claimed delivery's lease: the send's timeout and a margin, after which another driver may take it. */
const leaseEnd = (deps: OutboundDeps, now: Date) => new Date(now.getTime() + deps.settings.timeoutMs + 5000);

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
  // Unresolved: this instance cannot read its secret; unsigned: a disabled endpoint whose secret is not there yet.
  if (endpoint === "unresolved" || endpoint?.secretsResolved === false)
    return { state: "wait", until: new Date(now.getTime() + UNKNOWN_ENDPOINT_RECHECK_MS).toISOString() };
  if (!endpoint) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "failed", errorMessage: "the endpoint was removed from webhooks.yaml", completedAt: now })
      .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, [...OPEN_STATUSES])));
    return { state: "empty" };
  }
  if (endpoint.ordering === "strict" && endpoint.rateLimitPerSecond === null) {
    const head = await claimDueHead(deps, endpoint, now);
    if (head) {
      const { outbound_events: event, ...delivery } = head;
      const outcome = await send(deps, endpoint, delivery, now, event);
      return { state: "attempted", deliveryId: delivery.id, sequence: delivery.sequence, outcome };
    }
    // Nothing claimed: the reads below tell why (paused, empty, in backoff, leased elsewhere).
  }
  const [state] = await deps.db.select().from(webhookEndpointState).where(eq(webhookEndpointState.endpointId, endpointId));
  if (state?.pausedAt) return { state: "paused" };
  const slots = await freeSlots(deps, endpoint, now);
  if (typeof slots !== "number") return slots;

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
    .set({ leaseUntil: leaseEnd(deps, now) })
    .where(
      and(
        eq(webhookDeliveries.id, head.id),
        inArray(webhookDeliveries.status, [...OPEN_STATUSES]),
        or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .returning();
  if (!claimed) return { state: "wait", until: (head.leaseUntil ?? now).toISOString() };

  const outcome = await send(deps, endpoint, claimed, now);
  return { state: "attempted", deliveryId: claimed.id, sequence: claimed.sequence, outcome };
}

/**
 * A strict endpoint's common case in one statement: leases its oldest open delivery if the endpoint is not
 * paused, the delivery is due and nobody holds it, and reads its event along. Undefined when any of that fails.
 */
async function claimDueHead(deps: OutboundDeps, endpoint: Endpoint, now: Date) {
  const open = and(eq(webhookDeliveries.endpointId, endpoint.id), inArray(webhookDeliveries.status, [...OPEN_STATUSES]));
  const [claimed] = await deps.db
    .update(webhookDeliveries)
    .set({ leaseUntil: leaseEnd(deps, now) })
    .from(outboundEvents)
    .where(
      and(
        eq(outboundEvents.id, webhookDeliveries.eventId),
        inArray(
          webhookDeliveries.id,
          deps.db
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(open)
            .orderBy(asc(webhookDeliveries.sequence))
            .limit(1),
        ),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
        notExists(
          deps.db
            .select({ id: webhookEndpointState.endpointId })
            .from(webhookEndpointState)
            .where(and(eq(webhookEndpointState.endpointId, endpoint.id), isNotNull(webhookEndpointState.pausedAt))),
        ),
      ),
    )
    .returning();
  return claimed;
}

/** Sends one claimed delivery (its envelope, signed, with the endpoint's extra headers) and records the attempt. */
async function send(deps: OutboundDeps, endpoint: Endpoint, claimed: WebhookDelivery, now: Date, read?: OutboundEvent) {
  const event = read ?? (await deps.db.select().from(outboundEvents).where(eq(outboundEvents.id, claimed.eventId)))[0];
  const body = envelopeOf(event!);
  const result = await sendWebhook(
    { url: endpoint.url, body, headers: { ...endpoint.headers, ...standardWebhookHeaders(endpoint.secrets, event!.id, body, deps.now()) } },
    { timeoutMs: deps.settings.timeoutMs, allowLoopback: deps.settings.allowLoopback || endpoint.allowLoopback },
  );
  return recordAttempt(deps, claimed, result, now);
}

/**
 * How many deliveries the endpoint may start now: `max_in_flight` (1 for strict ordering) less those being
 * sent, and no more than `rate_limit_per_second` allows given the attempts of the last second. Both are read
 * from the database, so they hold across instances. None free: wait until the oldest attempt of the window leaves it.
 */
async function freeSlots(deps: OutboundDeps, endpoint: Endpoint, now: Date): Promise<number | { state: "wait"; until: string }> {
  const open = and(eq(webhookDeliveries.endpointId, endpoint.id), inArray(webhookDeliveries.status, [...OPEN_STATUSES]));
  const [leased] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(and(open, gt(webhookDeliveries.leaseUntil, now)));
  const inFlight = leased?.n ?? 0;
  // Strict ordering sends only the head, under its lease: another instance holding it makes this one wait for it.
  let free = endpoint.ordering === "strict" ? 1 : endpoint.maxInFlight - inFlight;
  if (endpoint.rateLimitPerSecond !== null) {
    const windowStart = new Date(now.getTime() - 1000);
    const recent = await deps.db
      .select({ startedAt: webhookDeliveryAttempts.startedAt })
      .from(webhookDeliveryAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookDeliveryAttempts.deliveryId))
      .where(and(eq(webhookDeliveries.endpointId, endpoint.id), gt(webhookDeliveryAttempts.startedAt, windowStart)))
      .orderBy(asc(webhookDeliveryAttempts.startedAt));
    const allowed = Math.floor(endpoint.rateLimitPerSecond) || 1;
    const rateFree = allowed - recent.length - inFlight;
    if (rateFree <= 0 && recent.length) return { state: "wait", until: new Date(recent[0]!.startedAt.getTime() + 1000).toISOString() };
    free = Math.min(free, rateFree);
  }
  return free > 0 ? free : { state: "wait", until: new Date(now.getTime() + 1000).toISOString() };
}

/**
 * `ordering: none`: claims up to the free slots among the due deliveries, in sequence order but each on its
 * own (a delivery in backoff holds up nobody), and sends them at once.
 */
async function deliverDueInParallel(deps: OutboundDeps, endpoint: Endpoint): Promise<DeliverBatchResult> {
  const now = deps.now();
  const [state] = await deps.db.select().from(webhookEndpointState).where(eq(webhookEndpointState.endpointId, endpoint.id));
  if (state?.pausedAt) return { state: "paused" };
  const slots = await freeSlots(deps, endpoint, now);
  if (typeof slots !== "number") return slots;
  const open = and(eq(webhookDeliveries.endpointId, endpoint.id), inArray(webhookDeliveries.status, [...OPEN_STATUSES]));
  const unleased = or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now));
  const due = await deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(open, unleased, lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.sequence))
    .limit(slots);
  if (!due.length) {
    const [next] = await deps.db
      .select({ at: webhookDeliveries.nextAttemptAt })
      .from(webhookDeliveries)
      .where(open)
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(1);
    return next ? { state: "wait", until: (next.at > now ? next.at : new Date(now.getTime() + 1000)).toISOString() } : { state: "empty" };
  }
  const claimed = await deps.db
    .update(webhookDeliveries)
    .set({ leaseUntil: leaseEnd(deps, now) })
    .where(
      and(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
        open,
        unleased,
      ),
    )
    .returning();
  await Promise.all(claimed.map((delivery) => send(deps, endpoint, delivery, now)));
  return { state: "attempted", attempts: claimed.length };
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
  const attemptRow = {
    deliveryId: delivery.id,
    attempt,
    outcome: result.ok ? ("succeeded" as const) : ("failed" as const),
    httpStatus: result.httpStatus,
    latencyMs: result.latencyMs,
    errorMessage,
    responseExcerpt: result.responseExcerpt,
    requestHeaders: result.requestHeaders,
    responseHeaders: result.responseHeaders,
    startedAt,
  };
  const deliveryUpdate: Partial<typeof webhookDeliveries.$inferInsert> = {
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
  };
  if (result.ok) {
    // A success cannot pause the endpoint: its three writes go as one statement, atomic without a transaction.
    const attemptInsert = deps.db.insert(webhookDeliveryAttempts).values(attemptRow);
    const deliveryWrite = deps.db.update(webhookDeliveries).set(deliveryUpdate).where(eq(webhookDeliveries.id, delivery.id));
    const streakReset = deps.db
      .update(webhookEndpointState)
      .set({ consecutiveFailures: 0, updatedAt: finishedAt })
      .where(eq(webhookEndpointState.endpointId, delivery.endpointId));
    await deps.db.execute(
      sql`with attempt as (${attemptInsert.getSQL()}), delivery as (${deliveryWrite.getSQL()}) ${streakReset.getSQL()}`,
    );
    return outcome;
  }
  let pausedReason: string | null = null;
  const woken = await deps.db.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values(attemptRow);
    await tx.update(webhookDeliveries).set(deliveryUpdate).where(eq(webhookDeliveries.id, delivery.id));
    const [state] = await tx
      .update(webhookEndpointState)
      .set({ consecutiveFailures: sql`${webhookEndpointState.consecutiveFailures} + 1`, updatedAt: finishedAt })
      .where(eq(webhookEndpointState.endpointId, delivery.endpointId))
      .returning();
    if (state && !state.pausedAt && (gone || state.consecutiveFailures >= deps.settings.autoPauseAfterFailures)) {
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
  const endpoint = deps.endpoints().find((candidate) => candidate.id === endpointId);
  if (endpoint?.ordering === "none") return deliverDueInParallel(deps, endpoint);
  for (;;) {
    const next = await deliverNext(deps, endpointId);
    if (next.state !== "attempted") return attempts && next.state === "empty" ? { state: "attempted", attempts } : next;
    attempts++;
    if (next.outcome === "retrying" || attempts >= limits.deliveries || Date.now() - started >= limits.ms)
      return { state: "attempted", attempts };
  }
}
