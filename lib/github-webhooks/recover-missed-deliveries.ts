import "server-only";

import { inArray } from "drizzle-orm";

import { webhookEvents, webhookRecoveries } from "@/db/schema";

import type { GithubWebhookDeps } from "./deps";

/** GitHub keeps deliveries redeliverable for 3 days. */
const REDELIVERY_WINDOW_MS = 3 * 24 * 3600_000;
const MAX_PAGES = 10;

interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  event: string;
  action: string | null;
}

export interface RecoveryReport {
  checked: number;
  requested: number;
  refused: number;
}

/**
 * GitHub never retries a failed delivery by itself. Lists the App's recent deliveries, and for each
 * failed one within the redelivery window that the event log does not hold (and that was not already
 * asked for), asks GitHub to redeliver it; each request is recorded for the webhooks page.
 */
export async function recoverMissedDeliveries(deps: Pick<GithubWebhookDeps, "db" | "githubApp" | "now" | "log">): Promise<RecoveryReport> {
  const app = deps.githubApp();
  const since = deps.now().getTime() - REDELIVERY_WINDOW_MS;
  const deliveries: HookDelivery[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await app.octokit.request("GET /app/hook/deliveries", { per_page: 100, ...(cursor ? { cursor } : {}) });
    const batch = response.data as HookDelivery[];
    deliveries.push(...batch);
    cursor = /[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(String(response.headers.link ?? ""))?.[1];
    if (!cursor || batch.some((delivery) => Date.parse(delivery.delivered_at) < since)) break;
  }

  // A guid is recovered when any attempt for it succeeded or we already logged it.
  const succeeded = new Set(
    deliveries.filter((delivery) => delivery.status_code >= 200 && delivery.status_code < 300).map((delivery) => delivery.guid),
  );
  const candidates = new Map<string, HookDelivery>();
  for (const delivery of deliveries) {
    if (Date.parse(delivery.delivered_at) < since || succeeded.has(delivery.guid) || candidates.has(delivery.guid)) continue;
    candidates.set(delivery.guid, delivery);
  }
  const guids = [...candidates.keys()];
  if (guids.length) {
    const logged = await deps.db
      .select({ guid: webhookEvents.webhookId })
      .from(webhookEvents)
      .where(inArray(webhookEvents.webhookId, guids));
    const asked = await deps.db
      .select({ guid: webhookRecoveries.guid })
      .from(webhookRecoveries)
      .where(inArray(webhookRecoveries.guid, guids));
    for (const { guid } of [...logged, ...asked]) candidates.delete(guid);
  }

  const report: RecoveryReport = { checked: deliveries.length, requested: 0, refused: 0 };
  for (const delivery of candidates.values()) {
    let outcome = "redelivery requested";
    try {
      await app.octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: delivery.id });
      report.requested++;
    } catch (error) {
      outcome = `GitHub refused: ${(error as Error).message}`.slice(0, 500);
      report.refused++;
    }
    await deps.db
      .insert(webhookRecoveries)
      .values({
        deliveryId: delivery.id,
        guid: delivery.guid,
        eventType: delivery.event,
        action: delivery.action,
        deliveredAt: new Date(delivery.delivered_at),
        outcome,
      })
      .onConflictDoNothing();
  }
  if (report.requested || report.refused) deps.log.info("missed deliveries recovered", { ...report });
  return report;
}
