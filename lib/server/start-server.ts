import { getDatabaseHandle } from "@/db";
import { DataDirInUseError } from "@/db/data-dir-lock";
import { ensureAdminApiToken } from "@/lib/auth/ensure-admin-api-token";
import { startEmbeddedExecutor } from "@/lib/jobs/embedded/start-embedded-executor";
import { ConfigError, getConfig, type Config } from "@/lib/config";
import { setSimulatorUrl } from "@/lib/github/github-urls";
import { startGithubSimulator } from "@/lib/github/simulator/start-github-simulator";
import { log } from "@/lib/log";

/**
 * Start-up, in order: configuration (a bad value stops the process with its name), the GitHub simulator
 * in demo mode, the database (opened and migrated; a data directory in use stops the process), the
 * ADMIN_API_TOKEN principal, and the embedded job executor when no Inngest server is configured. An unreachable PostgreSQL does not stop it: /api/health reports 503 and
 * the connection is retried on the next request.
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

  if (config.demoMode) {
    const simulator = await startGithubSimulator({ port: config.GITHUB_SIMULATOR_PORT });
    setSimulatorUrl(simulator.url);
    log.info("demo mode: GitHub is simulated", { github_simulator: simulator.url });
  }

  try {
    const handle = await getDatabaseHandle();
    if (config.ADMIN_API_TOKEN) await ensureAdminApiToken(handle.db, config.ADMIN_API_TOKEN);
    if (config.jobsEngine === "embedded") {
      const [{ inngest }, { functions }] = await Promise.all([import("@/inngest/client"), import("@/inngest/functions")]);
      await startEmbeddedExecutor({ handle, config, appId: inngest.id, functions });
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) fail(error.message);
    log.error("database not ready; /api/health answers 503 until it is", { error });
  }
  log.info("server started", {
    port: config.PORT,
    demo_mode: config.demoMode,
    driver: config.DATABASE_URL ? "postgres" : "pglite",
    jobs: config.jobsEngine,
  });
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
