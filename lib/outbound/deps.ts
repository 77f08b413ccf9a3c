import type { Database } from "@/db";
import type { Logger } from "@/lib/log";
import type { Endpoint } from "./endpoints-config";

/** Asks the endpoint's drainer to deliver what is due, in sequence order. */
export const DRAIN_ENDPOINT_EVENT = "webhooks/endpoint.drain";

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
  sendEvent(events: { name: string; data: Record<string, unknown> }[]): Promise<unknown>;
  now(): Date;
  log: Logger;
}
