import "server-only";

import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database, Transaction } from "@/db";
import { jobEvents, jobRuns } from "@/db/schema";

import { cancelRuns, functionCancelledEvents, type CancelledRun } from "./cancel-runs";
import { compileExpression } from "./compile-expression";
import { createRun, type StoredEvent } from "./create-run";
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
 */
export async function ingestEvents(
  db: Database,
  registry: Map<string, RegisteredFunction>,
  incoming: IncomingEvent[],
  now: Date,
): Promise<{ ids: string[]; runIds: string[] }> {
  const ids: string[] = [];
  const runIds: string[] = [];
  const cancelled: CancelledRun[] = [];
  for (const raw of incoming) {
    const event: StoredEvent = {
      id: raw.id ?? randomUUID(),
      name: raw.name,
      data: raw.data ?? {},
      ts: raw.ts ?? now.getTime(),
      ...(raw.user === undefined ? {} : { user: raw.user }),
    };
    ids.push(event.id);
    await db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(jobEvents)
        .values({ id: event.id, name: event.name, data: event.data, ts: event.ts, receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: jobEvents.id });
      if (!stored) return;

      for (const fn of registry.values()) {
        const triggered = fn.eventTriggers.some(
          (trigger) => trigger.matches(event.name) && (!trigger.expression || trigger.expression({ event })),
        );
        if (!triggered) continue;
        const runId = await createRun(tx, fn, event, now);
        if (runId) runIds.push(runId);
      }

      await resumeWaitingRuns(tx, event, now);
      cancelled.push(...(await cancelRunsOnEvent(tx, registry, event, now)));
    });
  }
  if (cancelled.length > 0) runIds.push(...(await ingestEvents(db, registry, functionCancelledEvents(cancelled, now), now)).runIds);
  return { ids, runIds };
}

async function resumeWaitingRuns(tx: Transaction, event: StoredEvent, now: Date) {
  const waiting = await tx
    .select({ id: jobRuns.id, event: jobRuns.event, wait: jobRuns.wait, steps: jobRuns.steps })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "waiting"), sql`${jobRuns.wait}->>'event' = ${event.name}`))
    .for("update", { skipLocked: true });
  for (const run of waiting) {
    const wait = run.wait!;
    if (new Date(wait.since) > now) continue;
    if (wait.expression && !compileExpression(wait.expression)({ event: run.event, async: event })) continue;
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
