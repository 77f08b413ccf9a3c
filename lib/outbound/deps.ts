import "server-only";

import type { Database } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { Logger } from "@/lib/log";

import type { Endpoint } from "./endpoints-config";

export interface DeliverySettings {
  maxRetries: number;
  baseDelayMs: number;
  timeoutMs: number;
  autoPauseAfterFailures: number;
  /** Tests only (ALLOW_INSECURE_WEBHOOK_URLS): loopback receivers pass the SSRF guard. */
  allowLoopback: boolean;
}

export interface OutboundDeps {
  db: Database;
  endpoints(): Endpoint[];
  settings: DeliverySettings;
  sendEvent(events: JobEvent[]): Promise<unknown>;
  now(): Date;
  log: Logger;
}
