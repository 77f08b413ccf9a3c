import "server-only";

import type { Database } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { GithubApp } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";

import type { HandOff } from "./hand-off";

export interface GithubWebhookDeps {
  db: Database;
  sendEvent(events: JobEvent[]): Promise<unknown>;
  /** Queues new deliveries for the processing function, off the request path. */
  handOff: HandOff<JobEvent>;
  now(): Date;
  log: Logger;
  /** The App client, for calls back to GitHub (installations, contents, deliveries). */
  githubApp(): GithubApp;
}
