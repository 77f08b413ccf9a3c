// GET /webhooks/github/health — public, for monitors: healthy|degraded at 95 % over the last hour, with hourly counts.
import { githubWebhookHealth } from "@/lib/github-webhooks/github-webhook-health";
import { githubWebhookHourly } from "@/lib/github-webhooks/github-webhook-hourly";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler({ access: "public" }, async ({ deps }) => {
  const db = await deps.db();
  const now = new Date();
  const [health, hourly] = await Promise.all([githubWebhookHealth(db, now), githubWebhookHourly(db, now)]);
  return Response.json({ ...health, hourly });
});
