import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import type { SimulatorState } from "./simulator-state";

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
 * X-Hub-Signature-256 over the exact bytes. GitHub does not retry; every attempt is recorded as a delivery.
 */
export async function sendAppWebhook(state: SimulatorState, target: WebhookTarget, webhook: AppWebhook) {
  const body = JSON.stringify(webhook.payload);
  const guid = randomUUID();
  let statusCode = 0;
  try {
    const response = await fetch(target.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/simulator",
        "x-github-event": webhook.event,
        "x-github-delivery": guid,
        "x-github-hook-id": "1",
        "x-github-hook-installation-target-type": "integration",
        "x-hub-signature-256": await sign(target.secret, body),
      },
      body,
    });
    statusCode = response.status;
    await response.body?.cancel();
  } catch {
    statusCode = 0; // GitHub records "failed to connect" as no status
  }
  state.deliveries.push({
    id: state.nextId(),
    guid,
    event: webhook.event,
    action: webhook.payload.action ?? null,
    installationId: webhook.installationId,
    repositoryId: webhook.repositoryId,
    deliveredAt: new Date(),
    statusCode,
    redelivery: false,
  });
  return statusCode;
}
