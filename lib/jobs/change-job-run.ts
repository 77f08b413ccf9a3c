import { getEmbeddedExecutor } from "@/lib/jobs/embedded/current-executor";
import type { Database } from "@/db";
import { AppError } from "@/lib/errors";
import { getJobRun } from "./get-job-run";

/**
 * Retries a failed or cancelled run (from its memoized steps: finished steps are not run again) or
 * cancels an active one. 409 when the run is not in a state that allows it.
 */
export async function changeJobRun(db: Database, runId: string, action: "retry" | "cancel") {
  const run = await getJobRun(db, runId);
  const executor = getEmbeddedExecutor();
  const changed = action === "retry" ? await executor.retryRun(runId) : await executor.cancelRun(runId);
  if (!changed) {
    throw new AppError(409, "invalid_state", `A ${run.status} run cannot be ${action === "retry" ? "retried" : "cancelled"}`);
  }
  return getJobRun(db, runId);
}
