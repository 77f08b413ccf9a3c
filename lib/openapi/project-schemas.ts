import { z } from "zod";

import { isoTime } from "./common-schemas";

const openClosed = z.object({ open: z.number().int(), closed: z.number().int() });

/** lib/projects/project-view.ts `snapshotView`. */
const snapshot = z.object({
  commit_sha: z.string(),
  plan_path: z.string(),
  total_tasks: z.number().int(),
  done_tasks: z.number().int(),
  percent: z.number().int(),
  sections: z.array(z.object({ heading: z.string(), total: z.number().int(), done: z.number().int() })),
  created_at: isoTime,
});

const projectFields = {
  id: z.uuid(),
  repository: z.string(),
  installation_id: z.number().int(),
  plan_path: z.string().nullable(),
  resolved_plan_path: z.string().nullable(),
  last_updated: isoTime.nullable(),
  last_error: z.string().nullable(),
  progress: snapshot.nullable(),
  pull_requests: openClosed,
  issues: openClosed,
  created_by: z.string().nullable().meta({ description: "The user who started tracking it; null once that account is deleted" }),
  created_at: isoTime,
};

/** lib/projects/project-view.ts `projectView`. */
export const projectView = z.object(projectFields).meta({ id: "Project" });

/** lib/projects/get-project-detail.ts. */
export const projectDetail = z
  .object({
    ...projectFields,
    history: z.array(snapshot),
    updates: z.array(
      z.object({
        id: z.uuid(),
        event_type: z.string(),
        delivery_id: z.string().nullable(),
        job_id: z.string().nullable(),
        commit_sha: z.string().nullable().meta({ description: "The commit the plan was read at" }),
        commit_url: z.url().nullable().meta({ description: "That commit on GitHub" }),
        summary: z.string(),
        created_at: isoTime,
      }),
    ),
  })
  .meta({ id: "ProjectDetail" });
