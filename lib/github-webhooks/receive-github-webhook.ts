import "server-only";

import { and, eq, inArray, lt, or, sql } from "drizzle-orm";

import { webhookEventAttempts, webhookEvents } from "@/db/schema";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { githubWebhookSecret } from "@/lib/github/github-app";
import { storableHeaders } from "@/lib/http/storable-headers";
import { isHmacSha256 } from "@/lib/secrets/hmac";

import type { GithubWebhookDeps } from "./deps";
import { processingEvent } from "./processing-event";

/** GitHub caps webhook payloads at 25 MB. */
export const GITHUB_WEBHOOK_MAX_BYTES = 25 * 1024 * 1024;

export interface GithubWebhookRequest {
  signature: string | null;
  event: string | null;
  deliveryId: string | null;
  /** Every request header; stored with the event, credentials left out. */
  headers: Iterable<[string, string]>;
  readBody(): Promise<Buffer>;
}

export interface GithubWebhookSettings {
  secret: string;
  /** A delivery id seen this long ago or less, and not failed, is a duplicate (WEBHOOK_DEDUP_WINDOW_SECONDS). */
  dedupWindowSeconds: number;
}

/** The receipt's settings from the configuration; the dedup window defaults to the inbound retention. */
export function githubWebhookSettings(config: Config): GithubWebhookSettings {
  return {
    secret: githubWebhookSecret(config),
    dedupWindowSeconds: config.WEBHOOK_DEDUP_WINDOW_SECONDS ?? config.WEBHOOK_EVENT_RETENTION_DAYS * 86_400,
  };
}

export type GithubWebhookAnswer = { status: "accepted" | "duplicate"; event_type: string; delivery_id: string };

/** The HTTP status of an answer: 202 recorded for processing, 200 already recorded. */
export const githubWebhookHttpStatus = (answer: GithubWebhookAnswer) => (answer.status === "accepted" ? 202 : 200);

/**
 * One delivery to /webhooks/github: the raw bytes are verified against X-Hub-Signature-256 before
 * anything is parsed, then recorded once per X-GitHub-Delivery (a single INSERT … ON CONFLICT DO
 * NOTHING decides, so concurrent copies cannot both win) and queued for the processing function. The
 * stored row is the durable record: the caller waits for neither the hand-over nor the processing.
 * A delivery id already recorded is a duplicate, unless its processing failed or it was received before
 * the dedup window: then GitHub's redelivery is processed again, as a new attempt.
 */
export async function receiveGithubWebhook(
  deps: Pick<GithubWebhookDeps, "db" | "handOff" | "log" | "now">,
  settings: GithubWebhookSettings,
  request: GithubWebhookRequest,
): Promise<GithubWebhookAnswer> {
  const { secret } = settings;
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

  const values = {
    source: "github" as const,
    webhookId: deliveryId,
    eventType,
    action: typeof payload.action === "string" ? payload.action : null,
    repository: fieldOf(payload.repository, "full_name"),
    installationId: numberOf(fieldOf(payload.installation, "id")),
    payload,
    headers: storableHeaders(request.headers),
  };
  const [row] = await deps.db.insert(webhookEvents).values(values).onConflictDoNothing({ target: webhookEvents.webhookId }).returning({
    id: webhookEvents.id,
    eventType: webhookEvents.eventType,
    webhookId: webhookEvents.webhookId,
    attempts: webhookEvents.attempts,
  });
  const again = row ? undefined : await reopenForRedelivery(deps, values, settings.dedupWindowSeconds);
  const accepted = row ?? again;
  if (!accepted) {
    deps.log.info("github webhook duplicate", { event_type: eventType, delivery_id: deliveryId });
    return { status: "duplicate", event_type: eventType, delivery_id: deliveryId };
  }
  deps.handOff.add(processingEvent(accepted));
  deps.log.info(again ? "github webhook redelivery accepted" : "github webhook accepted", {
    event_type: eventType,
    action: payload.action,
    delivery_id: deliveryId,
    attempt: accepted.attempts,
  });
  return { status: "accepted", event_type: eventType, delivery_id: deliveryId };
}

/**
 * A redelivery of a recorded event is processed again when the event failed, or was received before the
 * dedup window: the row takes the new copy and a new attempt, in one transaction. Otherwise (processed,
 * ignored, or still being processed) it stays a duplicate and nothing is returned.
 */
async function reopenForRedelivery(
  deps: Pick<GithubWebhookDeps, "db" | "now">,
  values: Pick<typeof webhookEvents.$inferInsert, "webhookId" | "payload" | "headers">,
  dedupWindowSeconds: number,
) {
  const windowStart = new Date(deps.now().getTime() - dedupWindowSeconds * 1000);
  return deps.db.transaction(async (tx) => {
    const [reopened] = await tx
      .update(webhookEvents)
      .set({
        payload: values.payload,
        headers: values.headers,
        status: "received",
        error: null,
        processedAt: null,
        attempts: sql`${webhookEvents.attempts} + 1`,
      })
      .where(
        and(
          eq(webhookEvents.webhookId, values.webhookId),
          or(
            eq(webhookEvents.status, "failed"),
            and(inArray(webhookEvents.status, ["processed", "ignored"]), lt(webhookEvents.receivedAt, windowStart)),
          ),
        ),
      )
      .returning({
        id: webhookEvents.id,
        eventType: webhookEvents.eventType,
        webhookId: webhookEvents.webhookId,
        attempts: webhookEvents.attempts,
      });
    if (reopened)
      await tx
        .insert(webhookEventAttempts)
        .values({ eventId: reopened.id, attempt: reopened.attempts, trigger: "redelivery", requestedAt: deps.now() });
    return reopened;
  });
}

function fieldOf(value: unknown, key: string): string | null {
  const field = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === "string" || typeof field === "number" ? String(field) : null;
}

function numberOf(value: string | null): number | null {
  const number = value === null ? NaN : Number(value);
  return Number.isSafeInteger(number) ? number : null;
}
