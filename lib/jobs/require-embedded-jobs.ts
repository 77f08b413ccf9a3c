import "server-only";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** Run history lives in our database only with the embedded executor; an Inngest server keeps its own. */
export function requireEmbeddedJobs() {
  if (getConfig().jobsEngine !== "embedded") {
    throw new AppError(409, "jobs_on_inngest", "Functions run on an Inngest server: see its dashboard for runs");
  }
}
