// GET /webhooks/github/health — public, for monitors: healthy|degraded at 95 % over the last hour, with hourly counts.
import { getDb } from "@/db";
import { githubWebhookHealth } from "@/lib/github-webhooks/github-webhook-health";
import { githubWebhookHourly } from "@/lib/github-webhooks/github-webhook-hourly";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("public", async () => {
  const db = await getDb();
  const now = new Date();
  const [health, hourly] = await Promise.all([githubWebhookHealth(db, now), githubWebhookHourly(db, now)]);
  return Response.json({ ...health, hourly });
});
