import "server-only";

import type { Database } from "@/db";
import { AppError } from "@/lib/errors";

import { getEmbeddedExecutor } from "./embedded/current-executor";
import { retryRun } from "./embedded/retry-run";
import { getJobRun } from "./get-job-run";

/** Retries a failed or cancelled run from its memoized steps (finished steps are not run again); 409 otherwise. */
export async function retryJobRun(db: Database, runId: string) {
  const run = await getJobRun(db, runId);
  const executor = getEmbeddedExecutor();
  if (!(await retryRun(db, runId, executor.now()))) throw new AppError(409, "invalid_state", `A ${run.status} run cannot be retried`);
  executor.wake();
  return getJobRun(db, runId);
}
