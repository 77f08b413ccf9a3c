import "server-only";

import { and, inArray, type SQL } from "drizzle-orm";

import type { Executor } from "@/db";
import { jobRuns } from "@/db/schema";

import { ACTIVE_RUN_STATUSES } from "./run-status";

export interface CancelRunsOptions {
  /** Who cancelled: "user", the id of a `cancelOn` event, or `singleton:<event id>` for a newer run of the key. */
  cancelledBy: string;
  now: Date;
}

/**
 * Cancels the active runs among `which` (ended runs stay as they are) and returns their ids. The lease
 * goes with the status: a driver still calling the function finds the run no longer its own and writes nothing.
 */
export async function cancelRuns(db: Executor, which: SQL | undefined, { cancelledBy, now }: CancelRunsOptions): Promise<string[]> {
  const cancelled = await db
    .update(jobRuns)
    .set({ status: "cancelled", cancelledBy, endedAt: now, leaseUntil: null, leaseToken: null })
    .where(and(which, inArray(jobRuns.status, [...ACTIVE_RUN_STATUSES])))
    .returning({ id: jobRuns.id });
  return cancelled.map((run) => run.id);
}
