import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig } from "@/lib/config";
import { getGithubApp } from "@/lib/github/github-app";
import { log as rootLog, type Logger } from "@/lib/log";
import type { GithubWebhookDeps } from "./deps";

/** The GitHub webhook flow wired to this process: its database, Inngest client and GitHub App. */
export async function defaultGithubWebhookDeps(log: Logger = rootLog): Promise<GithubWebhookDeps> {
  return {
    db: await getDb(),
    sendEvent: (event) => inngest.send(event),
    now: () => new Date(),
    log,
    githubApp: () => getGithubApp(getConfig()),
  };
}
