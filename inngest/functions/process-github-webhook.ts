import { z } from "zod";
import { inngest } from "@/inngest/client";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { GITHUB_WEBHOOK_RECEIVED_EVENT } from "@/lib/github-webhooks/deps";
import { markGithubWebhookFailed } from "@/lib/github-webhooks/mark-github-webhook-failed";
import { processGithubWebhook } from "@/lib/github-webhooks/process-github-webhook";

const receivedData = z.object({ event_id: z.uuid(), event_type: z.string(), delivery_id: z.string() });

/** Processes one recorded GitHub delivery; its effects are handed on as events. Failures end on the row. */
export const processGithubWebhookFunction = inngest.createFunction(
  {
    id: "process-github-webhook",
    name: "Process GitHub webhook",
    retries: 5,
    idempotency: "event.data.event_id",
    triggers: [{ event: GITHUB_WEBHOOK_RECEIVED_EVENT }],
    onFailure: async ({ event, error }) => {
      const { event_id } = receivedData.parse(event.data.event.data);
      await markGithubWebhookFailed(await defaultGithubWebhookDeps(), event_id, error.message);
    },
  },
  async ({ event, step }) => {
    const { event_id } = receivedData.parse(event.data);
    const result = await step.run("process", async () => processGithubWebhook(await defaultGithubWebhookDeps(), event_id));
    if (result.followUps.length) await step.sendEvent("hand on", result.followUps);
    return { status: result.status, note: result.note };
  },
);
