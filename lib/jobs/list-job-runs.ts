import "server-only";

import { and, desc, eq, type SQL } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns, type JobRunStatus } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { afterCursor, keysetPage } from "@/lib/pagination/keyset";

import { toJobRunView, type JobRunView } from "./job-run-view";

export interface ListJobRunsInput {
  status?: JobRunStatus;
  functionId?: string;
  cursor?: Cursor;
  limit: number;
}

/** Runs of the embedded executor, newest first, by keyset pages. */
export async function listJobRuns(db: Database, input: ListJobRunsInput): Promise<{ data: JobRunView[]; next_cursor: string | null }> {
  const filters: (SQL | undefined)[] = [
    input.status ? eq(jobRuns.status, input.status) : undefined,
    input.functionId ? eq(jobRuns.functionId, input.functionId) : undefined,
    afterCursor(jobRuns.createdAt, jobRuns.id, input.cursor),
  ];
  const rows = await db
    .select()
    .from(jobRuns)
    .where(and(...filters))
    .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, toJobRunView);
}
