import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import type { JobEvent } from "@/inngest/events";
import { getConfig } from "@/lib/config";
import { getGithubApp } from "@/lib/github/github-app";
import { log as rootLog, type Logger } from "@/lib/log";
import { processSingleton } from "@/lib/server/process-singleton";

import type { GithubWebhookDeps } from "./deps";
import { createHandOff, type HandOff } from "./hand-off";

/**
 * This process's hand-over of new deliveries to the processing function: one queue per process, shared by
 * the route's bundle and the start-up bundle that answers webhooks ahead of Next, so batches stay whole.
 */
export function githubWebhookHandOff(): HandOff<JobEvent> {
  return processSingleton("hooksmith.github-webhook-hand-off", () => createHandOff<JobEvent>((events) => inngest.send(events), rootLog));
}

/** The GitHub webhook flow wired to this process: its database, Inngest client and GitHub App. */
export async function defaultGithubWebhookDeps(log: Logger = rootLog): Promise<GithubWebhookDeps> {
  return {
    db: await getDb(),
    sendEvent: (event) => inngest.send(event),
    handOff: githubWebhookHandOff(),
    now: () => new Date(),
    log,
    githubApp: () => getGithubApp(getConfig()),
  };
}
