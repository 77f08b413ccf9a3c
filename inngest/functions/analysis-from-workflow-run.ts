import { z } from "zod";
import { inngest } from "@/inngest/client";
import { defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import { WORKFLOW_RUN_COMPLETED_EVENT } from "@/lib/analysis/deps";
import { handleWorkflowRunCompleted } from "@/lib/analysis/handle-workflow-run-completed";

const workflowRunCompletedData = z.object({
  run_id: z.number().int().positive(),
  run_name: z.string().nullable(),
  conclusion: z.string().nullable(),
  repository: z.string(),
});

/** The App's workflow_run `completed` webhook, handed over by /webhooks/github: fetch the result now. */
export const analysisFromWorkflowRun = inngest.createFunction(
  {
    id: "analysis-from-workflow-run",
    name: "Analysis result from workflow_run",
    retries: 5,
    triggers: [{ event: WORKFLOW_RUN_COMPLETED_EVENT }],
  },
  async ({ event, step }) => {
    const run = workflowRunCompletedData.parse(event.data);
    return step.run("record result", async () =>
      handleWorkflowRunCompleted(await defaultAnalysisDeps(), {
        runId: run.run_id,
        runName: run.run_name,
        conclusion: run.conclusion,
        repository: run.repository,
      }),
    );
  },
);
