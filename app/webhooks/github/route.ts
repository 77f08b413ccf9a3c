// POST /webhooks/github — the GitHub App's webhooks (public; signed with the App's webhook secret).
// Order: body size (413) → X-Hub-Signature-256 over the raw bytes (401) → event/delivery headers (400) →
// JSON (400) → recorded once per delivery (duplicate → 200) → 202, processed in the background.
import { getConfig } from "@/lib/config";
import { githubWebhookSecret } from "@/lib/github/github-app";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { GITHUB_WEBHOOK_MAX_BYTES, receiveGithubWebhook } from "@/lib/github-webhooks/receive-github-webhook";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler("public", async ({ req, log }) => {
  const answer = await receiveGithubWebhook(await defaultGithubWebhookDeps(log), githubWebhookSecret(getConfig()), {
    signature: req.headers.get("x-hub-signature-256"),
    event: req.headers.get("x-github-event"),
    deliveryId: req.headers.get("x-github-delivery"),
    readBody: () => readBody(req, GITHUB_WEBHOOK_MAX_BYTES),
  });
  return Response.json(answer, { status: answer.status === "accepted" ? 202 : 200 });
});
