import { z } from "zod";
import { inngest } from "@/inngest/client";
import { PROJECT_PROCESS_REQUESTED_EVENT } from "@/lib/projects/deps";
import { defaultProjectDeps } from "@/lib/projects/default-deps";
import { processProject } from "@/lib/projects/process-project";

const requestedData = z.object({
  project_id: z.uuid(),
  commit_sha: z.string().nullable(),
  reason: z.string(),
  delivery_id: z.string().nullish(),
});

/**
 * Re-reads a project's plan and stores a progress snapshot. Plan and manifest pushes come with a
 * priority, so they run ahead of routine work; one run per project at a time keeps snapshots in order.
 */
export const processProjectFunction = inngest.createFunction(
  {
    id: "process-project",
    name: "Process project plan",
    retries: 5,
    priority: { run: "event.data.priority" },
    concurrency: { limit: 1, key: "event.data.project_id" },
    triggers: [{ event: PROJECT_PROCESS_REQUESTED_EVENT }],
  },
  async ({ event, step, runId }) => {
    const input = requestedData.parse(event.data);
    return step.run("read plan", async () =>
      processProject(await defaultProjectDeps(), { projectId: input.project_id, commitSha: input.commit_sha, reason: input.reason, deliveryId: input.delivery_id, jobId: runId }),
    );
  },
);
