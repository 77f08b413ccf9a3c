import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig, type Config } from "@/lib/config";
import { log as rootLog, type Logger } from "@/lib/log";

import { confirmedEndpoints, currentEndpoints } from "./current-endpoints";
import type { DeliverySettings, OutboundDeps } from "./deps";
import { createOutbox, type Outbox } from "./outbox";

function deliverySettings(config: Config): DeliverySettings {
  return {
    maxRetries: config.WEBHOOK_MAX_RETRIES,
    baseDelayMs: config.WEBHOOK_RETRY_BASE_DELAY_SECONDS * 1000,
    timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1000,
    autoPauseAfterFailures: config.WEBHOOK_AUTO_PAUSE_AFTER_FAILURES,
    allowLoopback: config.ALLOW_INSECURE_WEBHOOK_URLS,
  };
}

/** What emitting needs from this process: its endpoints file, its Inngest client, the clock. */
function emitterDeps(config: Config, log: Logger): Pick<OutboundDeps, "endpoints" | "confirmedEndpoints" | "sendEvent" | "now" | "log"> {
  return {
    endpoints: () => currentEndpoints(config, log),
    confirmedEndpoints: (db) => confirmedEndpoints(db, config, log),
    sendEvent: (events) => inngest.send(events),
    now: () => new Date(),
    log,
  };
}

/** Outbound webhooks wired to this process: its database, its endpoints file, its Inngest client. */
export async function defaultOutboundDeps(log: Logger = rootLog): Promise<OutboundDeps> {
  const config = getConfig();
  return { db: await getDb(), settings: deliverySettings(config), ...emitterDeps(config, log) };
}

/** The process's outbox: events recorded with domain writes, delivered to the configured endpoints. */
export function defaultOutbox(log: Logger = rootLog): Outbox {
  return createOutbox(emitterDeps(getConfig(), log));
}
