import "server-only";

import type { Database } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { InstallationOctokit } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

/** The priority (seconds ahead of the queue) of a project processing asked for by a plan or manifest push. */
export const HIGH_PRIORITY_SECONDS = 120;

export interface ProjectDeps {
  db: Database;
  installationOctokit(installationId: number): Promise<InstallationOctokit>;
  sendEvent(event: JobEvent): Promise<unknown>;
  now(): Date;
  log: Logger;
  /** Announces project.updated with each snapshot. */
  outbox: Outbox;
}
