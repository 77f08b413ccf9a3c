import "server-only";

import { z } from "zod";

import { workflowRunCompleted } from "@/inngest/events";

import { ignored, processed, type GithubEventHandler } from "../processed-webhook";

const workflowRunPayload = z.object({
  action: z.string(),
  repository: z.object({ full_name: z.string() }),
  workflow_run: z.object({
    id: z.number(),
    name: z.string().nullish(),
    display_title: z.string().nullish(),
    conclusion: z.string().nullish(),
  }),
});

/** A completed workflow run goes to the analysis flow, which decides whether it is one of ours; other actions are ignored. */
export const handleWorkflowRun: GithubEventHandler = async (_deps, event) => {
  const data = workflowRunPayload.parse(event.payload);
  if (data.action !== "completed") return ignored(`workflow_run ${data.action}`);
  const run = data.workflow_run;
  return processed("handed to the analysis flow", [
    {
      name: workflowRunCompleted.name,
      data: {
        run_id: run.id,
        run_name: run.display_title ?? run.name ?? null,
        conclusion: run.conclusion ?? null,
        repository: data.repository.full_name,
      },
    },
  ]);
};
