import "server-only";

import { inngest } from "@/inngest/client";
import { projectProcessRequested } from "@/inngest/events";
import { defaultProjectDeps } from "@/lib/projects/default-deps";
import { processProject } from "@/lib/projects/process-project";

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
    triggers: [projectProcessRequested],
  },
  async ({ event, step, runId }) => {
    const input = event.data;
    return step.run("read plan", async () =>
      processProject(await defaultProjectDeps(), {
        projectId: input.project_id,
        commitSha: input.commit_sha,
        reason: input.reason,
        deliveryId: input.delivery_id,
        jobId: runId,
      }),
    );
  },
);
