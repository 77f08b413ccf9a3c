import "server-only";

import type { Database } from "@/db";

import { cancelJobRun } from "./cancel-job-run";
import { retryJobRun } from "./retry-job-run";

/** The admin route's two actions on a run, by name. */
export async function changeJobRun(db: Database, runId: string, action: "retry" | "cancel") {
  return action === "retry" ? retryJobRun(db, runId) : cancelJobRun(db, runId);
}
