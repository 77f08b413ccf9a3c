import "server-only";

import { getDatabaseHandle, type Database } from "@/db";
import { DataDirInUseError } from "@/db/data-dir-lock";
import { analysisWebhookSecret } from "@/lib/analysis/webhook-secret";
import { ensureAdminApiToken } from "@/lib/auth/ensure-admin-api-token";
import { ConfigError, getConfig, type Config } from "@/lib/config";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import { demoGithubWebhookSecret } from "@/lib/github/demo-webhook-secret";
import { getGithubApp } from "@/lib/github/github-app";
import { setDemoGithub } from "@/lib/github/github-urls";
import { processBodyBudget } from "@/lib/http/body-budget";
import { syncAllInstallations } from "@/lib/installations/sync-all-installations";
import { UnsupportedFunctionError } from "@/lib/jobs/embedded/register-functions";
import { startEmbeddedExecutor } from "@/lib/jobs/embedded/start-embedded-executor";
import { log } from "@/lib/log";
import { followEndpointsConfig } from "@/lib/outbound/current-endpoints";

import { answerGithubWebhooksAheadOfNext } from "./answer-webhooks-ahead-of-next";
import { installGracefulShutdown, onShutdown, watchHttpServers } from "./graceful-shutdown";

/**
 * startServer for instrumentation.ts: a start-up that throws stops the process, saying why. Thrown on,
 * Next would log it and keep serving a process that never becomes ready. (Here, not in instrumentation.ts,
 * which is also compiled for the Edge runtime, where process.exit does not exist.)
 */
export async function startServerOrExit() {
  try {
    await startServer();
  } catch (error) {
    console.error("Hooksmith did not start:", error);
    process.exit(1);
  }
}

/**
 * Start-up, in order: configuration (a bad value stops the process with its name), POST /webhooks/github
 * answered ahead of Next's pipeline (answer-webhooks-ahead-of-next.ts), the GitHub simulator
 * in demo mode, then what needs the database: migrations, the ADMIN_API_TOKEN principal, and the embedded
 * job executor when no Inngest server is configured, and the webhooks.yaml generation every instance follows.
 * What holds work or a resource registers for graceful shutdown (graceful-shutdown.ts). A data directory in use, or a function the embedded
 * executor cannot run, stops the process; an unreachable PostgreSQL does not: /api/health answers 503
 * and the database steps are retried until it answers.
 */
export async function startServer() {
  let config: Config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (config.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    fail("AUTH_SECRET: required by `next start` (npm start generates one under DATA_DIR in demo mode)");
  }

  watchHttpServers();
  answerGithubWebhooksAheadOfNext({ githubWebhooks: defaultGithubWebhookDeps, config: () => config, budget: processBodyBudget });
  if (process.env.NEXT_MANUAL_SIG_HANDLE) installGracefulShutdown({ timeoutMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000, log });
  else log.info("NEXT_MANUAL_SIG_HANDLE is not set: Next exits on SIGTERM without draining (npm start and the image set it)");

  if (config.demoMode) await startSimulatedGithub(config);

  if (!(await startDatabaseSteps(config))) void retryDatabaseSteps(config);
  // Not "ready": the port is not listening yet, and the database may still be out of reach; /api/health/ready says when.
  log.info("server starting", {
    port: config.PORT,
    demo_mode: config.demoMode,
    driver: config.DATABASE_URL ? "postgres" : "pglite",
    jobs: config.jobsEngine,
  });
}

/**
 * Demo mode's GitHub. The simulator is imported here and only here, on demand, so a production server
 * never loads it (express, its routes, GitHub's OpenAPI description). It reads no app configuration:
 * what it needs is passed in, and the simulated App's credentials come back for the GitHub client.
 */
async function startSimulatedGithub(config: Config) {
  const { startDemoGithub } = await import("@/github-simulator/start-demo-github");
  const start = (port: number) =>
    startDemoGithub({
      port,
      appUrl: `http://127.0.0.1:${config.PORT}`,
      workflowSeconds: config.GITHUB_SIMULATOR_WORKFLOW_SECONDS,
      workflowSecret: analysisWebhookSecret(config),
      webhookSecret: demoGithubWebhookSecret(config),
    });
  // The port after the app's unless set, so the simulator's URL is the same every start.
  const preferred = config.GITHUB_SIMULATOR_PORT ?? config.PORT + 1;
  const demo = await start(preferred).catch((error: unknown) => {
    if (!addressInUse(error)) throw error;
    // A port asked for and taken stops the start-up with a plain message, as a bad setting does.
    if (config.GITHUB_SIMULATOR_PORT !== undefined)
      fail(`GITHUB_SIMULATOR_PORT: port ${preferred} is in use; choose a free one, or unset it`);
    log.warn("GitHub simulator: its port is taken, using a free one (set GITHUB_SIMULATOR_PORT to choose)", { port: preferred });
    return start(0);
  });
  setDemoGithub(demo.app);
  log.info("demo mode: GitHub is simulated", { github_simulator: demo.simulator.url });
  process.stdout.write(`\nDemo mode: GitHub is simulated at ${demo.simulator.url}\n\n`);
}

const addressInUse = (error: unknown) =>
  error instanceof Error && /EADDRINUSE/.test(`${(error as NodeJS.ErrnoException).code} ${error.message}`);

/** Returns false when the database is not reachable yet. */
async function startDatabaseSteps(config: Config): Promise<boolean> {
  try {
    const handle = await getDatabaseHandle();
    onShutdown({ name: "database", close: () => handle.close() });
    const stopFollowing = await followEndpointsConfig(handle, config, log);
    onShutdown({ name: "webhooks.yaml follower", close: stopFollowing });
    if (config.ADMIN_API_TOKEN) await ensureAdminApiToken({ db: handle.db }, { secret: config.ADMIN_API_TOKEN });
    if (config.jobsEngine === "embedded") {
      const [{ inngest }, { functions }] = await Promise.all([import("@/inngest/client"), import("@/inngest/functions")]);
      const executor = await startEmbeddedExecutor({ handle, config, client: inngest, functions });
      onShutdown({
        name: "embedded job executor",
        drain: () => executor.stop(),
        abandon: async () => log.warn("job runs handed back", { runs: await executor.handBack() }),
      });
    }
    void syncInstallationsAtStart(handle.db, config);
    return true;
  } catch (error) {
    if (error instanceof DataDirInUseError || error instanceof UnsupportedFunctionError) fail(error.message);
    log.error("database not ready; /api/health answers 503 until it is", { error });
    return false;
  }
}

/** Stores the App's installations as GitHub lists them (the demo's simulated one, or any missed while down). */
async function syncInstallationsAtStart(db: Database, config: Config) {
  try {
    const count = await syncAllInstallations({ db, githubApp: getGithubApp(config) });
    log.info("github installations synced", { installations: count });
  } catch (error) {
    log.warn("github installations not synced; webhooks and the install page keep them current", { error });
  }
}

async function retryDatabaseSteps(config: Config) {
  do await new Promise((resolve) => setTimeout(resolve, 5000));
  while (!(await startDatabaseSteps(config)));
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
