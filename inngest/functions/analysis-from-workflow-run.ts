import "server-only";

import { inngest } from "@/inngest/client";
import { workflowRunCompleted } from "@/inngest/events";
import { defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import { handleWorkflowRunCompleted } from "@/lib/analysis/handle-workflow-run-completed";

/** The App's workflow_run `completed` webhook, handed over by /webhooks/github: fetch the result now. */
export const analysisFromWorkflowRun = inngest.createFunction(
  {
    id: "analysis-from-workflow-run",
    name: "Analysis result from workflow_run",
    retries: 5,
    triggers: [workflowRunCompleted],
  },
  async ({ event, step }) => {
    const run = event.data;
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
