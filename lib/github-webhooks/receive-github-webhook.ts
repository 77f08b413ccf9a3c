import "server-only";

import { webhookEvents } from "@/db/schema";
import { githubWebhookReceived } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { isHmacSha256 } from "@/lib/secrets/hmac";

import type { GithubWebhookDeps } from "./deps";

/** GitHub caps webhook payloads at 25 MB. */
export const GITHUB_WEBHOOK_MAX_BYTES = 25 * 1024 * 1024;

export interface GithubWebhookRequest {
  signature: string | null;
  event: string | null;
  deliveryId: string | null;
  readBody(): Promise<Buffer>;
}

export type GithubWebhookAnswer = { status: "accepted" | "duplicate"; event_type: string; delivery_id: string };

/**
 * One delivery to /webhooks/github: the raw bytes are verified against X-Hub-Signature-256 before
 * anything is parsed, then recorded once per X-GitHub-Delivery (a single INSERT … ON CONFLICT DO
 * NOTHING decides, so concurrent copies cannot both win) and queued for the processing function. The
 * stored row is the durable record: the caller waits for neither the hand-over nor the processing.
 */
export async function receiveGithubWebhook(
  deps: Pick<GithubWebhookDeps, "db" | "handOff" | "log">,
  secret: string,
  request: GithubWebhookRequest,
): Promise<GithubWebhookAnswer> {
  const raw = await request.readBody();
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(request.signature?.trim() ?? "")?.[1];
  if (!signature || !isHmacSha256(secret, raw, signature)) {
    throw new AppError(
      401,
      "invalid_signature",
      request.signature ? "X-Hub-Signature-256 does not match the body" : "Missing X-Hub-Signature-256",
    );
  }
  const eventType = request.event?.trim();
  const deliveryId = request.deliveryId?.trim();
  if (!eventType || !deliveryId)
    throw new AppError(400, "missing_header", `Missing header ${eventType ? "X-GitHub-Delivery" : "X-GitHub-Event"}`);
  if (eventType.length > 100 || deliveryId.length > 200)
    throw new AppError(400, "invalid_header", "X-GitHub-Event or X-GitHub-Delivery is too long");

  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    payload = parsed as Record<string, unknown>;
  } catch {
    throw new AppError(400, "invalid_json", "The body is not a JSON object");
  }

  const [row] = await deps.db
    .insert(webhookEvents)
    .values({
      source: "github",
      webhookId: deliveryId,
      eventType,
      action: typeof payload.action === "string" ? payload.action : null,
      repository: fieldOf(payload.repository, "full_name"),
      installationId: numberOf(fieldOf(payload.installation, "id")),
      payload,
    })
    .onConflictDoNothing({ target: webhookEvents.webhookId })
    .returning({ id: webhookEvents.id });
  if (!row) {
    deps.log.info("github webhook duplicate", { event_type: eventType, delivery_id: deliveryId });
    return { status: "duplicate", event_type: eventType, delivery_id: deliveryId };
  }
  deps.handOff.add({ name: githubWebhookReceived.name, data: { event_id: row.id, event_type: eventType, delivery_id: deliveryId } });
  deps.log.info("github webhook accepted", { event_type: eventType, action: payload.action, delivery_id: deliveryId });
  return { status: "accepted", event_type: eventType, delivery_id: deliveryId };
}

function fieldOf(value: unknown, key: string): string | null {
  const field = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "string" || typeof field === "number" ? String(field) : null;
}

function numberOf(value: string | null): number | null {
  const number = value === null ? NaN : Number(value);
  return Number.isSafeInteger(number) ? number : null;
}
