import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import type { Executor } from "@/db";
import { jobRuns } from "@/db/schema";

import { RETRYABLE_RUN_STATUSES } from "./run-status";

/**
 * Queues a failed or cancelled run again. It starts the function from its memoized steps: finished
 * steps are not run again. False when the run is in no state to be retried.
 */
export async function retryRun(db: Executor, runId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(jobRuns)
    .set({ status: "queued", attempt: 0, error: null, endedAt: null, nextRunAt: now })
    .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, [...RETRYABLE_RUN_STATUSES])))
    .returning({ id: jobRuns.id });
  return Boolean(row);
}
