import "server-only";

import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lt, lte, or, sql } from "drizzle-orm";

import { jobRuns, type JobRun } from "@/db/schema";

import type { ExecutorDeps } from "./deps";
import { assertTransition, PARKED_RUN_STATUSES } from "./run-status";

/** Candidates read per run wanted: some are passed over for their concurrency limits. */
const CANDIDATES_PER_CLAIM = 4;

/**
 * Claims runs that may be driven now (queued, retry due, sleep over, wait timed out, or a lease left
 * by a dead driver) with FOR UPDATE SKIP LOCKED, so no run is driven twice at once, and within each
 * function's concurrency limits: a limit counts steps executing, so a sleeping or waiting run holds
 * no slot. A woken sleep or timed-out wait gets its step result (null) stored as it is claimed. Each
 * claim sets a new lease token: only its holder may write the run back (drive-run.ts).
 */
export async function claimRuns(deps: Pick<ExecutorDeps, "db" | "registry" | "now" | "leaseMs">, limit: number): Promise<JobRun[]> {
  const now = deps.now();
  const leaseUntil = new Date(now.getTime() + deps.leaseMs);
  return deps.db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(jobRuns)
      .where(
        or(
          and(inArray(jobRuns.status, [...PARKED_RUN_STATUSES]), lte(jobRuns.nextRunAt, now)),
          and(eq(jobRuns.status, "running"), lt(jobRuns.leaseUntil, now)),
        ),
      )
      .orderBy(jobRuns.nextRunAt)
      .limit(limit * CANDIDATES_PER_CLAIM)
      .for("update", { skipLocked: true });

    const claimed: JobRun[] = [];
    const takenInBatch = new Map<string, number>();
    for (const run of candidates) {
      if (claimed.length >= limit) break;
      const fn = deps.registry.get(run.functionId);
      if (!fn) continue;
      let free = true;
      for (const [index, key] of run.concurrencyKeys.entries()) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`concurrency:${key}`}))`);
        const [{ count }] = (await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(jobRuns)
          .where(
            and(
              eq(jobRuns.status, "running"),
              gte(jobRuns.leaseUntil, now),
              sql`${jobRuns.concurrencyKeys} @> ${JSON.stringify([key])}::jsonb`,
            ),
          )) as [{ count: number }];
        if (count + (takenInBatch.get(key) ?? 0) >= fn.concurrency[index]!.limit) free = false;
      }
      if (!free) continue;
      for (const key of run.concurrencyKeys) takenInBatch.set(key, (takenInBatch.get(key) ?? 0) + 1);

      assertTransition(run.status, "running");
      const steps = { ...run.steps };
      if (run.status === "sleeping" && run.sleepStepId) steps[run.sleepStepId] = { type: "data", data: null };
      if (run.status === "waiting" && run.wait) steps[run.wait.stepId] = { type: "data", data: null };
      const [updated] = await tx
        .update(jobRuns)
        .set({
          status: "running",
          leaseUntil,
          leaseToken: randomUUID(),
          startedAt: run.startedAt ?? now,
          steps,
          sleepStepId: null,
          wait: null,
        })
        .where(eq(jobRuns.id, run.id))
        .returning();
      claimed.push(updated!);
    }
    return claimed;
  });
}
