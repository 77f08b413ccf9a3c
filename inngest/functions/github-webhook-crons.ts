import "server-only";

import { inngest } from "@/inngest/client";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { recoverMissedDeliveries } from "@/lib/github-webhooks/recover-missed-deliveries";
import { requeueStuckWebhookEvents } from "@/lib/github-webhooks/requeue-stuck-events";

/** Every 10 minutes: hand over deliveries recorded but never queued, and ask GitHub to redeliver the failed ones we never recorded. */
export const recoverMissedDeliveriesFunction = inngest.createFunction(
  { id: "recover-missed-deliveries", name: "Recover missed GitHub deliveries", retries: 2, triggers: [{ cron: "*/10 * * * *" }] },
  async ({ step }) => {
    const requeued = await step.run("hand over stuck events", async () => requeueStuckWebhookEvents(await defaultGithubWebhookDeps()));
    const recovered = await step.run("recover", async () => recoverMissedDeliveries(await defaultGithubWebhookDeps()));
    return { requeued, ...recovered };
  },
);
