import "server-only";

import type { DatabaseHandle } from "@/db";
import type { Config } from "@/lib/config";

import { checkDatabase } from "./check-database";
import { latestMigrationApplied } from "./check-migrations";

export type CheckStatus = "ok" | "failed";

export interface Readiness {
  status: "ready" | "not_ready";
  checks: { database: CheckStatus; migrations: CheckStatus; jobs: CheckStatus; config: CheckStatus; accepting: CheckStatus };
}

export interface ReadinessDeps {
  databaseHandle: () => Promise<DatabaseHandle>;
  config: () => Config;
  /** Whether this process started the embedded executor (lib/jobs/embedded/current-executor.ts). */
  embeddedExecutorStarted: () => boolean;
  /** True once SIGTERM/SIGINT started a graceful shutdown (lib/server/graceful-shutdown.ts). */
  shuttingDown: () => boolean;
}

/**
 * What an orchestrator asks before sending traffic: the database answers, every committed migration is
 * applied, something will run background jobs (this process's embedded executor, or an Inngest server
 * when one is configured), the configuration parsed, and the process is not shutting down. Never throws: a failing check is reported by name.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  let config: Config | undefined;
  try {
    config = deps.config();
  } catch {
    config = undefined;
  }
  const database = await checkDatabase(deps.databaseHandle);
  let migrations: CheckStatus = "failed";
  if (database.status === "ok") {
    try {
      migrations = (await latestMigrationApplied((await deps.databaseHandle()).db)) ? "ok" : "failed";
    } catch {
      migrations = "failed";
    }
  }
  // With an Inngest server configured, jobs run there; only embedded mode needs this process's executor.
  const jobs: CheckStatus = config && (config.jobsEngine !== "embedded" || deps.embeddedExecutorStarted()) ? "ok" : "failed";
  const checks = {
    database: database.status === "ok" ? "ok" : "failed",
    migrations,
    jobs,
    config: config ? "ok" : "failed",
    accepting: deps.shuttingDown() ? "failed" : "ok",
  } as const;
  const ready = Object.values(checks).every((status) => status === "ok");
  return { status: ready ? "ready" : "not_ready", checks };
}
