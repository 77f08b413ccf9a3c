import "server-only";

import { asc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns, jobRunSteps, type JobRun, type JobRunStep } from "@/db/schema";
import { found } from "@/lib/errors";

import { toJobRunView, type JobRunView } from "./job-run-view";

export interface JobRunStepView {
  step_id: string;
  name: string;
  op: string;
  status: string;
  /** 1 for a step's first try. */
  attempt: number;
  error: unknown;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
}

/** One run with the event that triggered it and every step attempt, for the /jobs detail view. */
export async function getJobRun(db: Database, runId: string): Promise<JobRunView & { event: unknown; steps: JobRunStepView[] }> {
  const run = found((await db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0], "Job run");
  const steps = await db.select().from(jobRunSteps).where(eq(jobRunSteps.runId, runId)).orderBy(asc(jobRunSteps.id));
  return {
    ...toJobRunView(run),
    event: run.event,
    steps: steps.map((step, index) => {
      const { status, endedAt } = stepOutcome(run, step, steps[index + 1]);
      return {
        step_id: step.stepId,
        name: step.name,
        op: step.op,
        status,
        attempt: step.attempt + 1,
        error: step.error ?? null,
        started_at: step.startedAt.toISOString(),
        ended_at: endedAt?.toISOString() ?? null,
        duration_ms: endedAt ? endedAt.getTime() - step.startedAt.getTime() : null,
      };
    }),
  };
}

/**
 * A sleep or wait is stored as "sleeping"/"waiting" when it starts and its row is not touched again: it is
 * still that only while the run is parked on it. Once the run moved on it is over — ended when the next
 * step started (or the run ended) — and cancelled when the run was cancelled while parked there.
 */
function stepOutcome(run: JobRun, step: JobRunStep, next: JobRunStep | undefined): { status: string; endedAt: Date | null } {
  const parked = step.status === "sleeping" || step.status === "waiting";
  if (!parked) return { status: step.status, endedAt: step.endedAt };
  const parkedHere =
    (run.status === "sleeping" && run.sleepStepId === step.stepId) || (run.status === "waiting" && run.wait?.stepId === step.stepId);
  if (parkedHere) return { status: step.status, endedAt: null };
  const endedAt = next?.startedAt ?? run.endedAt;
  if (!next && run.status === "cancelled") return { status: "cancelled", endedAt };
  return { status: "completed", endedAt };
}
