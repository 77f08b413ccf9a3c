import "server-only";

import { and, eq, inArray, lt, sql } from "drizzle-orm";

import type { Transaction } from "@/db";
import { jobIdempotencyKeys, jobRuns } from "@/db/schema";

import { cancelRuns } from "./cancel-runs";
import type { RegisteredFunction } from "./register-functions";
import { ACTIVE_RUN_STATUSES } from "./run-status";

export type StoredEvent = { id: string; name: string; data: Record<string, unknown>; ts: number; user?: unknown };

/** An idempotency key holds for 24 hours, as on Inngest. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Concurrency keys a run holds while one of its steps executes: scope, limit slot and key value. */
export function concurrencyKeys(fn: RegisteredFunction, event: StoredEvent): string[] {
  return fn.concurrency.map((entry, index) => {
    const value = entry.key?.({ event }) ?? "";
    return entry.scope === "fn" ? `fn:${fn.id}:${index}:${value}` : `${entry.scope}:${value}`;
  });
}

/** Whether starting a run of `fn` goes through flow control (an idempotency key or a singleton), which createRun applies. */
export const hasStartFlowControl = (fn: RegisteredFunction) => fn.idempotency !== null || fn.singleton !== null;

/** The row of a new queued run of `fn` for `event`. */
export function newRunValues(fn: RegisteredFunction, event: StoredEvent, now: Date, singletonKey: string | null = null) {
  return {
    functionId: fn.id,
    eventId: event.id,
    event,
    status: "queued" as const,
    concurrencyKeys: concurrencyKeys(fn, event),
    singletonKey,
    // Runs are claimed by next_run_at: a priority moves the new run ahead of (or behind) the queue.
    nextRunAt: new Date(now.getTime() - (fn.priority?.({ event }) ?? 0) * 1000),
    createdAt: now,
  };
}

/**
 * Starts a run of `fn` for `event`, applying the function's idempotency key (one run per key per 24 h)
 * and singleton (one active run per key: `skip` drops the new one, `cancel` replaces the old one).
 * Returns the new run's id, or null when flow control dropped it.
 */
export async function createRun(tx: Transaction, fn: RegisteredFunction, event: StoredEvent, now: Date): Promise<string | null> {
  const scope = { event };
  const idempotencyKey = fn.idempotency?.(scope);
  if (idempotencyKey !== undefined) {
    const [claimed] = await tx
      .insert(jobIdempotencyKeys)
      .values({ functionId: fn.id, key: idempotencyKey, expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS) })
      .onConflictDoUpdate({
        target: [jobIdempotencyKeys.functionId, jobIdempotencyKeys.key],
        set: { expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS), runId: null },
        setWhere: lt(jobIdempotencyKeys.expiresAt, now),
      })
      .returning({ key: jobIdempotencyKeys.key });
    if (!claimed) return null;
  }

  let singletonKey: string | null = null;
  if (fn.singleton) {
    singletonKey = fn.singleton.key?.(scope) ?? "";
    // Serialises runs of one singleton key across transactions and processes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${fn.id}:${singletonKey}`}))`);
    const activeOfKey = and(
      eq(jobRuns.functionId, fn.id),
      eq(jobRuns.singletonKey, singletonKey),
      inArray(jobRuns.status, [...ACTIVE_RUN_STATUSES]),
    );
    if (fn.singleton.mode === "skip") {
      const [active] = await tx.select({ id: jobRuns.id }).from(jobRuns).where(activeOfKey).limit(1);
      if (active) return null;
    } else {
      await cancelRuns(tx, activeOfKey, { cancelledBy: `singleton:${event.id}`, now });
    }
  }

  const [run] = await tx
    .insert(jobRuns)
    .values(newRunValues(fn, event, now, singletonKey))
    .returning({ id: jobRuns.id });
  if (idempotencyKey !== undefined) {
    await tx
      .update(jobIdempotencyKeys)
      .set({ runId: run!.id })
      .where(and(eq(jobIdempotencyKeys.functionId, fn.id), eq(jobIdempotencyKeys.key, idempotencyKey)));
  }
  return run!.id;
}
