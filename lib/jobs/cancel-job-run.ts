import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns } from "@/db/schema";
import { AppError } from "@/lib/errors";

import { cancelRuns, functionCancelledEvents } from "./embedded/cancel-runs";
import { getEmbeddedExecutor } from "./embedded/current-executor";
import { getJobRun } from "./get-job-run";

/**
 * Cancels an active run (a step in flight finishes, but its result is not stored) and announces
 * `inngest/function.cancelled`, as Inngest does; 409 for an ended one.
 */
export async function cancelJobRun(db: Database, runId: string) {
  const run = await getJobRun(db, runId);
  const executor = getEmbeddedExecutor();
  const now = executor.now();
  const cancelled = await cancelRuns(db, eq(jobRuns.id, runId), { cancelledBy: "user", now });
  if (cancelled.length === 0) throw new AppError(409, "invalid_state", `A ${run.status} run cannot be cancelled`);
  await executor.send(functionCancelledEvents(cancelled, now));
  return getJobRun(db, runId);
}
