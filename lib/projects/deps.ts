import type { Database } from "@/db";
import type { InstallationOctokit } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

/** Asks for a project's plan to be (re)read; `priority` (seconds, Inngest's priority.run) puts plan and manifest pushes first. */
export const PROJECT_PROCESS_REQUESTED_EVENT = "project/process.requested";
export const HIGH_PRIORITY_SECONDS = 120;

export interface ProjectDeps {
  db: Database;
  installationOctokit(installationId: number): Promise<InstallationOctokit>;
  sendEvent(event: { name: string; data: Record<string, unknown> }): Promise<unknown>;
  now(): Date;
  log: Logger;
  /** Announces project.updated with each snapshot. */
  outbox: Outbox;
}
