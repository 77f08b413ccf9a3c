import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig } from "@/lib/config";
import { cleanUpWebhookEvents, retentionCutoff } from "@/lib/github-webhooks/clean-up-webhook-events";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { recoverMissedDeliveries } from "@/lib/github-webhooks/recover-missed-deliveries";
import { requeueStuckWebhookEvents } from "@/lib/github-webhooks/requeue-stuck-events";
import { log } from "@/lib/log";

/** Inbound events are kept WEBHOOK_EVENT_RETENTION_DAYS (7); older ones are deleted in batches, hourly. */
export const cleanUpWebhookEventsFunction = inngest.createFunction(
  { id: "clean-up-webhook-events", name: "Clean up inbound webhook events", retries: 2, triggers: [{ cron: "17 * * * *" }] },
  async ({ step }) =>
    step.run("delete old events", async () => {
      const cutoff = retentionCutoff(new Date(), getConfig().WEBHOOK_EVENT_RETENTION_DAYS);
      const removed = await cleanUpWebhookEvents({ db: await getDb() }, { olderThan: cutoff });
      log.info("inbound webhook events cleaned up", { removed, older_than: cutoff.toISOString() });
      return { removed };
    }),
);

/** Every 10 minutes: hand over deliveries recorded but never queued, and ask GitHub to redeliver the failed ones we never recorded. */
export const recoverMissedDeliveriesFunction = inngest.createFunction(
  { id: "recover-missed-deliveries", name: "Recover missed GitHub deliveries", retries: 2, triggers: [{ cron: "*/10 * * * *" }] },
  async ({ step }) => {
    const requeued = await step.run("hand over stuck events", async () => requeueStuckWebhookEvents(await defaultGithubWebhookDeps()));
    const recovered = await step.run("recover", async () => recoverMissedDeliveries(await defaultGithubWebhookDeps()));
    return { requeued, ...recovered };
  },
);
