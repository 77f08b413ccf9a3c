import "server-only";

import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database, Transaction } from "@/db";
import { jobEvents, jobRuns } from "@/db/schema";

import { cancelRuns, functionCancelledEvents, type CancelledRun } from "./cancel-runs";
import { compileExpression } from "./compile-expression";
import { createRun, hasStartFlowControl, newRunValues, type StoredEvent } from "./create-run";
import type { RegisteredFunction } from "./register-functions";
import { ACTIVE_RUN_STATUSES } from "./run-status";

export interface IncomingEvent {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  ts?: number;
  user?: unknown;
}

/**
 * The executor's event API (what `inngest.send` reaches): stores each event once (an event id seen
 * before is dropped, as Inngest deduplicates by id), then starts the runs it triggers, resumes the
 * runs waiting for it, and cancels the runs it cancels (then announces each as `inngest/function.cancelled`,
 * as Inngest does). Returns the event ids.
 *
 * Events whose runs start without flow control and cancel nothing (a producer's burst) are stored with
 * their runs in one transaction of a few statements; the others one event per transaction, as flow
 * control (idempotency keys, singleton locks, cancellation) takes locks in event order.
 */
export async function ingestEvents(
  db: Database,
  registry: Map<string, RegisteredFunction>,
  incoming: IncomingEvent[],
  now: Date,
): Promise<{ ids: string[]; runIds: string[] }> {
  const events = incoming.map((raw) => storedEvent(raw, now));
  const ids = events.map((event) => event.id);
  // Each event's functions, worked out once (their trigger expressions run here).
  const triggered = new Map(events.map((event) => [event, triggeredFunctions(registry, event)]));
  const batchable =
    events.length > 1 &&
    events.every((event) => !cancelsRuns(registry, event) && triggered.get(event)!.every((fn) => !hasStartFlowControl(fn)));
  if (batchable) return { ids, runIds: await ingestBatch(db, events, triggered, now) };

  const runIds: string[] = [];
  const cancelled: CancelledRun[] = [];
  for (const event of events) {
    await db.transaction(async (tx) => {
      const [stored] = await tx.insert(jobEvents).values(eventRow(event, now)).onConflictDoNothing().returning({ id: jobEvents.id });
      if (!stored) return;

      for (const fn of triggered.get(event)!) {
        const runId = await createRun(tx, fn, event, now);
        if (runId) runIds.push(runId);
      }

      await resumeWaitingRuns(tx, [event], now);
      cancelled.push(...(await cancelRunsOnEvent(tx, registry, event, now)));
    });
  }
  if (cancelled.length > 0) runIds.push(...(await ingestEvents(db, registry, functionCancelledEvents(cancelled, now), now)).runIds);
  return { ids, runIds };
}

/** Events without flow control in one transaction: one insert of the events, one of their runs, one look for waiting runs. */
async function ingestBatch(db: Database, events: StoredEvent[], triggered: Map<StoredEvent, RegisteredFunction[]>, now: Date) {
  return db.transaction(async (tx) => {
    // Inserted in id order, so two batches sharing event ids never wait for each other in a cycle.
    const rows = [...new Map(events.map((event) => [event.id, eventRow(event, now)])).values()].sort((a, b) => a.id.localeCompare(b.id));
    const stored = new Set(
      (await tx.insert(jobEvents).values(rows).onConflictDoNothing().returning({ id: jobEvents.id })).map((row) => row.id),
    );
    // The first event of each newly stored id, in the order sent (delete answers true once per id).
    const fresh = events.filter((event) => stored.delete(event.id));
    const runs = fresh.flatMap((event) => triggered.get(event)!.map((fn) => newRunValues(fn, event, now)));
    const runIds = runs.length ? (await tx.insert(jobRuns).values(runs).returning({ id: jobRuns.id })).map((run) => run.id) : [];
    await resumeWaitingRuns(tx, fresh, now);
    return runIds;
  });
}

function storedEvent(raw: IncomingEvent, now: Date): StoredEvent {
  return {
    id: raw.id ?? randomUUID(),
    name: raw.name,
    data: raw.data ?? {},
    ts: raw.ts ?? now.getTime(),
    ...(raw.user === undefined ? {} : { user: raw.user }),
  };
}

const eventRow = (event: StoredEvent, now: Date) => ({ id: event.id, name: event.name, data: event.data, ts: event.ts, receivedAt: now });

function triggeredFunctions(registry: Map<string, RegisteredFunction>, event: StoredEvent): RegisteredFunction[] {
  return [...registry.values()].filter((fn) =>
    fn.eventTriggers.some((trigger) => trigger.matches(event.name) && (!trigger.expression || trigger.expression({ event }))),
  );
}

const cancelsRuns = (registry: Map<string, RegisteredFunction>, event: StoredEvent) =>
  [...registry.values()].some((fn) => fn.cancel.some((rule) => rule.event === event.name));

/** Resumes the runs waiting for one of `events`: each by the first, in the order sent, that its wait matches. */
async function resumeWaitingRuns(tx: Transaction, events: StoredEvent[], now: Date) {
  if (events.length === 0) return;
  const waiting = await tx
    .select({ id: jobRuns.id, event: jobRuns.event, wait: jobRuns.wait, steps: jobRuns.steps })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "waiting"), inArray(sql`${jobRuns.wait}->>'event'`, [...new Set(events.map((event) => event.name))])))
    .for("update", { skipLocked: true });
  for (const run of waiting) {
    const wait = run.wait!;
    if (new Date(wait.since) > now) continue;
    const matches = wait.expression ? compileExpression(wait.expression) : null;
    const event = events.find(
      (candidate) => candidate.name === wait.event && (!matches || matches({ event: run.event, async: candidate })),
    );
    if (!event) continue;
    await tx
      .update(jobRuns)
      .set({ status: "queued", wait: null, nextRunAt: now, steps: { ...run.steps, [wait.stepId]: { type: "data", data: event } } })
      .where(and(eq(jobRuns.id, run.id), eq(jobRuns.status, "waiting")));
  }
}

async function cancelRunsOnEvent(tx: Transaction, registry: Map<string, RegisteredFunction>, event: StoredEvent, now: Date) {
  const cancelled: CancelledRun[] = [];
  for (const fn of registry.values()) {
    const rules = fn.cancel.filter((rule) => rule.event === event.name);
    if (rules.length === 0) continue;
    const active = await tx
      .select({ id: jobRuns.id, event: jobRuns.event, createdAt: jobRuns.createdAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.functionId, fn.id), inArray(jobRuns.status, [...ACTIVE_RUN_STATUSES])));
    for (const run of active) {
      const matches = rules.some(
        (rule) =>
          (!rule.timeoutMs || now.getTime() - run.createdAt.getTime() <= rule.timeoutMs) &&
          (!rule.expression || rule.expression({ event: run.event, async: event })),
      );
      if (!matches) continue;
      cancelled.push(...(await cancelRuns(tx, eq(jobRuns.id, run.id), { cancelledBy: event.id, now })));
    }
  }
  return cancelled;
}
