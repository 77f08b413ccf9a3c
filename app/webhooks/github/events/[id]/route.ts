// GET /webhooks/github/events/{id} — one inbound event with its payload.
import { getDb } from "@/db";
import { notFound } from "@/lib/errors";
import { getWebhookEvent } from "@/lib/github-webhooks/get-webhook-event";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler<{ id: string }>("user", async ({ params }) => {
  const event = await getWebhookEvent(await getDb(), params.id);
  if (!event) throw notFound("Event");
  return Response.json(event);
});
