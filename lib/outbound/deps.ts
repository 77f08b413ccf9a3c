import "server-only";

import type { Database, Executor } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { Logger } from "@/lib/log";

import type { ConfirmedEndpoints } from "./current-endpoints";
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
  /** The endpoints this instance holds (kept current by NOTIFY and a short poll). */
  endpoints(): Endpoint[];
  /** The endpoints at the database's current config generation, read through `db` (a transaction, when emitting). */
  confirmedEndpoints(db: Executor): Promise<ConfirmedEndpoints>;
  settings: DeliverySettings;
  sendEvent(events: JobEvent[]): Promise<unknown>;
  now(): Date;
  log: Logger;
}
