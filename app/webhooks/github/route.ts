// POST /webhooks/github — the GitHub App's webhooks (public; signed with the App's webhook secret).
// Order: body size (413) → X-Hub-Signature-256 over the raw bytes (401) → event/delivery headers (400) →
// JSON (400) → recorded once per delivery (duplicate → 200; a redelivery of a failed one is processed
// again) → 202, processed in the background.
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
// On a running server these requests are answered ahead of Next's pipeline by lib/http/github-webhook-listener.ts,
// through the same receiveGithubWebhook; this route documents the operation and answers when that listener is not installed.
import { z } from "zod";

import {
  GITHUB_WEBHOOK_MAX_BYTES,
  githubWebhookHttpStatus,
  githubWebhookSettings,
  receiveGithubWebhook,
} from "@/lib/github-webhooks/receive-github-webhook";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";
import { githubWebhookAnswer } from "@/lib/openapi/github-webhook-schemas";

export const POST = apiHandler(
  {
    access: "public",
    doc: {
      operationId: "receiveGithubWebhook",
      summary: "The GitHub App's webhooks",
      description: "Signed with the App's webhook secret (`X-Hub-Signature-256` over the raw body); processed in the background.",
      headers: z.object({
        "x-hub-signature-256": z.string(),
        "x-github-event": z.string(),
        "x-github-delivery": z.string(),
      }),
      rawBody: { schema: z.looseObject({}), description: "GitHub's event payload" },
      responses: {
        200: { description: "A delivery already recorded", schema: githubWebhookAnswer },
        202: { description: "Recorded; processed in the background", schema: githubWebhookAnswer },
      },
      errors: {
        400: "`missing_header`, `invalid_header` or `invalid_json`",
        401: "`invalid_signature`: missing or not matching the body",
        413: "`payload_too_large`: over 25 MB",
      },
    },
  },
  async ({ req, deps }) => {
    const answer = await receiveGithubWebhook(await deps.githubWebhooks(), githubWebhookSettings(deps.config()), {
      signature: req.headers.get("x-hub-signature-256"),
      event: req.headers.get("x-github-event"),
      deliveryId: req.headers.get("x-github-delivery"),
      headers: req.headers,
      readBody: () => readBody(req, GITHUB_WEBHOOK_MAX_BYTES),
    });
    return Response.json(answer, { status: githubWebhookHttpStatus(answer) });
  },
);
