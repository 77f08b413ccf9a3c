import "server-only";

import type { JobRun } from "@/db/schema";

export interface JobRunView {
  id: string;
  function_id: string;
  status: JobRun["status"];
  event_name: string;
  event_id: string | null;
  /** Try of the step in progress, 1 for the first (the column counts retries from 0). */
  attempt: number;
  error: JobRun["error"];
  output: unknown;
  cancelled_by: string | null;
  next_run_at: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

export function toJobRunView(run: JobRun): JobRunView {
  return {
    id: run.id,
    function_id: run.functionId,
    status: run.status,
    event_name: String(run.event.name ?? ""),
    event_id: run.eventId,
    attempt: run.attempt + 1,
    error: run.error,
    output: run.output ?? null,
    cancelled_by: run.cancelledBy,
    next_run_at: run.nextRunAt.toISOString(),
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    ended_at: run.endedAt?.toISOString() ?? null,
  };
}
