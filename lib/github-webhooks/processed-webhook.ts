import "server-only";

import type { WebhookEvent, WebhookEventStatus } from "@/db/schema";
import type { JobEvent } from "@/inngest/events";

import type { GithubWebhookDeps } from "./deps";

export interface ProcessedWebhook {
  status: Exclude<WebhookEventStatus, "received" | "failed">;
  note: string;
  /** Events to hand on (project processing, the analysis flow), sent durably by the caller. */
  followUps: JobEvent[];
}

/** What each file under handlers/ exports: one GitHub event type turned into its effects. */
export type GithubEventHandler = (deps: Pick<GithubWebhookDeps, "db">, event: WebhookEvent) => Promise<ProcessedWebhook>;

export const ignored = (note: string): ProcessedWebhook => ({ status: "ignored", note, followUps: [] });
export const processed = (note: string, followUps: JobEvent[] = []): ProcessedWebhook => ({ status: "processed", note, followUps });
