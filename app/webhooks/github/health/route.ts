// GET /webhooks/github/health — public, for monitors: healthy|degraded at 95 % over the last hour, with hourly counts.
import { githubWebhookHealth } from "@/lib/github-webhooks/github-webhook-health";
import { githubWebhookHourly } from "@/lib/github-webhooks/github-webhook-hourly";
import { apiHandler } from "@/lib/http/api-handler";
import { githubWebhookHealthView } from "@/lib/openapi/github-webhook-schemas";

export const GET = apiHandler(
  {
    access: "public",
    doc: {
      operationId: "getGithubWebhookHealth",
      summary: "Health of the GitHub webhook flow, for monitors",
      description: "`degraded` below 95 % non-failed deliveries over the last hour; with 24 hourly counts.",
      responses: { 200: { description: "The health", schema: githubWebhookHealthView } },
    },
  },
  async ({ deps }) => {
    const db = await deps.db();
    const now = new Date();
    const [health, hourly] = await Promise.all([githubWebhookHealth(db, now), githubWebhookHourly(db, now)]);
    return Response.json({ ...health, hourly });
  },
);
