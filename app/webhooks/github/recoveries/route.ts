// GET /webhooks/github/recoveries — missed deliveries the recovery cron asked GitHub to redeliver.
import { listWebhookRecoveries } from "@/lib/github-webhooks/list-webhook-recoveries";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler({ access: "user" }, async ({ deps }) =>
  Response.json({ data: await listWebhookRecoveries(await deps.db()) }),
);
