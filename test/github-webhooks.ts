import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

import { POST } from "@/app/webhooks/github/route";

import { TEST_GITHUB_WEBHOOK_SECRET } from "./github-simulator";
import { callRoute } from "./http";

export { TEST_GITHUB_WEBHOOK_SECRET };

/** Posts a payload to /webhooks/github signed like GitHub does (override any header to break it). */
export async function postGithubWebhook(
  event: string,
  payload: unknown,
  options: { deliveryId?: string; headers?: Record<string, string | null>; body?: string | Uint8Array<ArrayBuffer> } = {},
): Promise<Response> {
  const body = options.body ?? JSON.stringify(payload);
  const headers: Record<string, string | null> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": options.deliveryId ?? randomUUID(),
    "x-hub-signature-256": await sign(TEST_GITHUB_WEBHOOK_SECRET, typeof body === "string" ? body : Buffer.from(body).toString()),
    ...options.headers,
  };
  const defined = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== null)) as Record<string, string>;
  return callRoute(POST, new Request("http://app.test/webhooks/github", { method: "POST", headers: defined, body }));
}
