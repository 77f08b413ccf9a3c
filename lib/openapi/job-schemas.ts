import { z } from "zod";

import { RUN_STATUSES } from "@/lib/jobs/embedded/run-status";

import { anyJson, isoTime } from "./common-schemas";

const runFields = {
  id: z.uuid(),
  function_id: z.string(),
  status: z.enum(RUN_STATUSES),
  event_name: z.string(),
  event_id: z.string().nullable(),
  attempt: z.number().int().min(1).meta({ description: "Try of the step in progress: 1 for the first, 2 for the first retry" }),
  error: anyJson.nullable(),
  output: anyJson.nullable(),
  cancelled_by: z.string().nullable(),
  next_run_at: isoTime,
  created_at: isoTime,
  started_at: isoTime.nullable(),
  ended_at: isoTime.nullable(),
};

/** lib/jobs/job-run-view.ts `toJobRunView`. */
export const jobRunView = z.object(runFields).meta({ id: "JobRun" });

/** lib/jobs/get-job-run.ts. */
export const jobRunDetail = z
  .object({
    ...runFields,
    event: anyJson,
    steps: z.array(
      z.object({
        step_id: z.string(),
        name: z.string(),
        op: z.string(),
        status: z.string().meta({ description: "sleeping/waiting only while the run is parked on that step" }),
        attempt: z.number().int().min(1).meta({ description: "1 for the step's first try" }),
        error: anyJson.nullable(),
        started_at: isoTime,
        ended_at: isoTime.nullable(),
        duration_ms: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "JobRunDetail" });
