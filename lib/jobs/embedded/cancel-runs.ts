import "server-only";

import { and, inArray, type SQL } from "drizzle-orm";

import type { Executor } from "@/db";
import { jobRuns, type JobRun } from "@/db/schema";

import type { IncomingEvent } from "./ingest-events";
import { ACTIVE_RUN_STATUSES } from "./run-status";

export interface CancelRunsOptions {
  /** Who cancelled: "user", the id of a `cancelOn` event, or `singleton:<event id>` for a newer run of the key. */
  cancelledBy: string;
  now: Date;
}

export type CancelledRun = Pick<JobRun, "id" | "functionId" | "event">;

/**
 * Cancels the active runs among `which` (ended runs stay as they are) and returns them. The lease goes
 * with the status: a driver still calling the function finds the run no longer its own and writes nothing.
 */
export async function cancelRuns(db: Executor, which: SQL | undefined, { cancelledBy, now }: CancelRunsOptions): Promise<CancelledRun[]> {
  return db
    .update(jobRuns)
    .set({ status: "cancelled", cancelledBy, endedAt: now, leaseUntil: null, leaseToken: null })
    .where(and(which, inArray(jobRuns.status, [...ACTIVE_RUN_STATUSES])))
    .returning({ id: jobRuns.id, functionId: jobRuns.functionId, event: jobRuns.event });
}

/** Inngest's `inngest/function.cancelled` for each cancelled run, so functions can clean up after them. */
export function functionCancelledEvents(runs: CancelledRun[], now: Date): IncomingEvent[] {
  return runs.map((run) => ({
    name: "inngest/function.cancelled",
    data: { function_id: run.functionId, run_id: run.id, error: { name: "Error", message: "function cancelled" }, event: run.event },
    ts: now.getTime(),
  }));
}
