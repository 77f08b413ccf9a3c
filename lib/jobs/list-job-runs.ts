import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns, type JobRunStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

import { SCHEDULED_EVENT_NAME } from "./embedded/fire-due-crons";
import { toJobRunView, type JobRunView } from "./job-run-view";

/** What started a run: an event, or a cron schedule (the executor's `inngest/scheduled.timer`). */
export const RUN_TRIGGERS = ["event", "cron"] as const;

export interface ListJobRunsInput {
  status?: JobRunStatus;
  functionId?: string;
  trigger?: (typeof RUN_TRIGGERS)[number];
  cursor?: Cursor;
  limit: number;
}

/** Runs of the embedded executor, newest first, by keyset pages. */
export async function listJobRuns(db: Database, input: ListJobRunsInput): Promise<{ data: JobRunView[]; next_cursor: string | null }> {
  const rows = await newestFirst(db.select().from(jobRuns).$dynamic(), jobRuns, input, [
    equalsWhenSet(jobRuns.status, input.status),
    equalsWhenSet(jobRuns.functionId, input.functionId),
    input.trigger && sql`(${jobRuns.event}->>'name' = ${SCHEDULED_EVENT_NAME}) = ${input.trigger === "cron"}`,
  ]);
  return keysetPage(rows, input.limit, toJobRunView);
}
