import "server-only";

import { inngest } from "@/inngest/client";
import { githubWebhookReceived } from "@/inngest/events";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { markGithubWebhookFailed } from "@/lib/github-webhooks/mark-github-webhook-failed";
import { processGithubWebhook } from "@/lib/github-webhooks/process-github-webhook";

/** Processes one recorded GitHub delivery; its effects are handed on as events. Failures end on the row. */
export const processGithubWebhookFunction = inngest.createFunction(
  {
    id: "process-github-webhook",
    name: "Process GitHub webhook",
    retries: 5,
    idempotency: "event.data.event_id",
    triggers: [githubWebhookReceived],
    onFailure: async ({ event, error }) => {
      const { event_id } = githubWebhookReceived.schema.parse(event.data.event.data);
      await markGithubWebhookFailed(await defaultGithubWebhookDeps(), event_id, error.message);
    },
  },
  async ({ event, step }) => {
    const { event_id } = event.data;
    const result = await step.run("process", async () => processGithubWebhook(await defaultGithubWebhookDeps(), event_id));
    if (result.followUps.length) await step.sendEvent("hand on", result.followUps);
    return { status: result.status, note: result.note };
  },
);
