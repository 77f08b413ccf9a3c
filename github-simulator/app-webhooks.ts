import { randomUUID } from "node:crypto";

import { hmacSha256Hex } from "@/lib/secrets/hmac";

import type { SimulatedDelivery, SimulatorState } from "./simulator-state";

export interface WebhookTarget {
  /** The App's webhook URL (the app's /webhooks/github). */
  url: string;
  secret: string;
}

export interface AppWebhook {
  event: string;
  payload: Record<string, unknown> & { action?: string };
  installationId: number | null;
  repositoryId: number | null;
}

/**
 * Sends an App webhook the way GitHub does: JSON body, X-GitHub-Event/-Delivery/-Hook-* headers and
 * X-Hub-Signature-256 over the exact bytes. GitHub does not retry; every attempt is recorded as a
 * delivery (GET /app/hook/deliveries). Returns the status the app answered (0: not reached).
 */
export async function sendAppWebhook(state: SimulatorState, target: WebhookTarget, webhook: AppWebhook): Promise<number> {
  const delivery = await deliver(state, target, {
    guid: randomUUID(),
    event: webhook.event,
    action: webhook.payload.action ?? null,
    installationId: webhook.installationId,
    repositoryId: webhook.repositoryId,
    body: JSON.stringify(webhook.payload),
    redelivery: false,
  });
  return delivery.statusCode;
}

/** Sends a recorded delivery again with the same guid and bytes, as GitHub's "Redeliver" does. */
export function redeliver(state: SimulatorState, target: WebhookTarget, original: SimulatedDelivery): Promise<SimulatedDelivery> {
  return deliver(state, target, { ...original, redelivery: true });
}

type DeliveryInput = Pick<SimulatedDelivery, "guid" | "event" | "action" | "installationId" | "repositoryId" | "body" | "redelivery">;

async function deliver(state: SimulatorState, target: WebhookTarget, input: DeliveryInput): Promise<SimulatedDelivery> {
  const started = Date.now();
  let statusCode = 0; // GitHub records "failed to connect" as no status
  if (state.faults.dropWebhooks > 0) {
    state.faults.dropWebhooks--;
  } else {
    try {
      const response = await fetch(target.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/simulator",
          "x-github-event": input.event,
          "x-github-delivery": input.guid,
          "x-github-hook-id": "1",
          "x-github-hook-installation-target-type": "integration",
          "x-hub-signature-256": `sha256=${hmacSha256Hex(target.secret, input.body)}`,
        },
        body: input.body,
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch {
      statusCode = 0;
    }
  }
  const delivery: SimulatedDelivery = {
    ...input,
    id: state.nextId(),
    deliveredAt: new Date(),
    durationMs: Date.now() - started,
    statusCode,
  };
  state.deliveries.push(delivery);
  return delivery;
}
