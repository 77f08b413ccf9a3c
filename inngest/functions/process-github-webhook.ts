import "server-only";

import { inngest } from "@/inngest/client";
import { githubWebhookReceived } from "@/inngest/events";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { markGithubWebhookFailed } from "@/lib/github-webhooks/mark-github-webhook-failed";
import { processGithubWebhook } from "@/lib/github-webhooks/process-github-webhook";

/**
 * Processes one attempt at a recorded GitHub delivery (the first, a redelivery or a replay); its effects
 * are handed on as events. Failures end on the row and the attempt.
 */
export const processGithubWebhookFunction = inngest.createFunction(
  {
    id: "process-github-webhook",
    name: "Process GitHub webhook",
    retries: 5,
    idempotency: "event.data.processing_key",
    triggers: [githubWebhookReceived],
    onFailure: async ({ event, error }) => {
      const { event_id, attempt } = githubWebhookReceived.schema.parse(event.data.event.data);
      await markGithubWebhookFailed(await defaultGithubWebhookDeps(), { eventId: event_id, attempt, error: error.message });
    },
  },
  async ({ event, step }) => {
    const { event_id, attempt } = event.data;
    const result = await step.run("process", async () => processGithubWebhook(await defaultGithubWebhookDeps(), event_id, attempt));
    if (result.followUps.length) await step.sendEvent("hand on", result.followUps);
    return { status: result.status, note: result.note };
  },
);
