// GET /webhooks/github/recoveries — missed deliveries the recovery cron asked GitHub to redeliver.
import { getDb } from "@/db";
import { listWebhookRecoveries } from "@/lib/github-webhooks/list-webhook-recoveries";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("user", async () => Response.json({ data: await listWebhookRecoveries(await getDb()) }));
