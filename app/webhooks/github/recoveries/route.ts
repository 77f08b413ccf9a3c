// GET /webhooks/github/recoveries — missed deliveries the recovery cron asked GitHub to redeliver.
import { z } from "zod";

import { listWebhookRecoveries } from "@/lib/github-webhooks/list-webhook-recoveries";
import { apiHandler } from "@/lib/http/api-handler";
import { webhookRecovery } from "@/lib/openapi/github-webhook-schemas";

export const GET = apiHandler(
  {
    access: "user",
    doc: {
      operationId: "listWebhookRecoveries",
      summary: "Missed deliveries the recovery cron asked GitHub to redeliver",
      responses: { 200: { description: "Newest first", schema: z.object({ data: z.array(webhookRecovery) }) } },
    },
  },
  async ({ deps }) => Response.json({ data: await listWebhookRecoveries(await deps.db()) }),
);
