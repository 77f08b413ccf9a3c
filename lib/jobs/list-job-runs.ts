import "server-only";

import type { Database } from "@/db";
import { jobRuns, type JobRunStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

import { toJobRunView, type JobRunView } from "./job-run-view";

export interface ListJobRunsInput {
  status?: JobRunStatus;
  functionId?: string;
  cursor?: Cursor;
  limit: number;
}

/** Runs of the embedded executor, newest first, by keyset pages. */
export async function listJobRuns(db: Database, input: ListJobRunsInput): Promise<{ data: JobRunView[]; next_cursor: string | null }> {
  const rows = await newestFirst(db.select().from(jobRuns).$dynamic(), jobRuns, input, [
    equalsWhenSet(jobRuns.status, input.status),
    equalsWhenSet(jobRuns.functionId, input.functionId),
  ]);
  return keysetPage(rows, input.limit, toJobRunView);
}
