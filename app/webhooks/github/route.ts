// POST /webhooks/github — the GitHub App's webhooks (public; signed with the App's webhook secret).
// Order: body size (413) → X-Hub-Signature-256 over the raw bytes (401) → event/delivery headers (400) →
// JSON (400) → recorded once per delivery (duplicate → 200; a redelivery of a failed one is processed
// again) → 202, processed in the background.
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
import { GITHUB_WEBHOOK_MAX_BYTES, githubWebhookSettings, receiveGithubWebhook } from "@/lib/github-webhooks/receive-github-webhook";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler({ access: "public" }, async ({ req, deps }) => {
  const answer = await receiveGithubWebhook(await deps.githubWebhooks(), githubWebhookSettings(deps.config()), {
    signature: req.headers.get("x-hub-signature-256"),
    event: req.headers.get("x-github-event"),
    deliveryId: req.headers.get("x-github-delivery"),
    headers: req.headers,
    readBody: () => readBody(req, GITHUB_WEBHOOK_MAX_BYTES),
  });
  return Response.json(answer, { status: answer.status === "accepted" ? 202 : 200 });
});
