import type { Database } from "@/db";
import type { GithubApp } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { HandOff, HandOffEvent } from "./hand-off";

/** Sent for every new delivery; the processing function picks it up. */
export const GITHUB_WEBHOOK_RECEIVED_EVENT = "github/webhook.received";

export interface GithubWebhookDeps {
  db: Database;
  sendEvent(events: HandOffEvent[]): Promise<unknown>;
  /** Queues new deliveries for the processing function, off the request path. */
  handOff: HandOff;
  now(): Date;
  log: Logger;
  /** The App client, for calls back to GitHub (installations, contents, deliveries). */
  githubApp(): GithubApp;
}
