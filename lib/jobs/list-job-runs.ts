import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { jobRuns, type JobRunStatus } from "@/db/schema";
import { encodeCursor, type Cursor } from "@/lib/pagination/cursor";
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
  ];
  if (input.cursor) {
    const at = new Date(input.cursor.at);
    filters.push(or(lt(jobRuns.createdAt, at), and(eq(jobRuns.createdAt, at), lt(jobRuns.id, input.cursor.id))));
  }
  const rows = await db
    .select()
    .from(jobRuns)
    .where(and(...filters))
    .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(toJobRunView),
    next_cursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
