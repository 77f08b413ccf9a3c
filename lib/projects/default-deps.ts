import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig } from "@/lib/config";
import { getGithubApp, type InstallationOctokit } from "@/lib/github/github-app";
import { log as rootLog, type Logger } from "@/lib/log";
import { defaultOutbox } from "@/lib/outbound/default-deps";

import type { ProjectDeps } from "./deps";

/** Project tracking wired to this process: its database, its GitHub App, its Inngest client and outbox. */
export async function defaultProjectDeps(log: Logger = rootLog): Promise<ProjectDeps> {
  return {
    db: await getDb(),
    installationOctokit: (installationId) =>
      getGithubApp(getConfig()).getInstallationOctokit(installationId) as Promise<InstallationOctokit>,
    sendEvent: (event) => inngest.send(event),
    now: () => new Date(),
    log,
    outbox: defaultOutbox(log),
  };
}
