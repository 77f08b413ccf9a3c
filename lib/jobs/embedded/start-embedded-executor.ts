import "server-only";

import { eq } from "drizzle-orm";
import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";

import type { DatabaseHandle } from "@/db";
import { jobRuns } from "@/db/schema";
import type { Config } from "@/lib/config";
import { log } from "@/lib/log";

import { createEmbeddedExecutor } from "./create-embedded-executor";
import { setEmbeddedExecutor } from "./current-executor";
import { embeddedSigningKey } from "./embedded-signing-key";
import { registerFunctions } from "./register-functions";

/** A request may run five minutes (drive-run.ts); a lease outlives it so only a dead driver's runs are taken over. */
const LEASE_MS = 6 * 60_000;
/** Runs driven at once. */
const PARALLEL_RUNS = 10;
/** How long start-up waits for the HTTP server to answer before the executor gives up starting. */
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_POLL_INTERVAL_MS = 100;
const SERVER_PROBE_TIMEOUT_MS = 2000;

/**
 * Starts this process's embedded executor over the app's functions, once the server answers. It calls
 * the same serve handler as /api/inngest with the same signed requests an Inngest server sends, but in
 * process: a loopback HTTP round trip per step cost more than the step (README, Performance).
 */
export async function startEmbeddedExecutor(input: {
  handle: DatabaseHandle;
  config: Config;
  client: Inngest.Any;
  functions: InngestFunction.Any[];
}) {
  const { handle, config } = input;
  const registry = registerFunctions(input.client.id, input.functions);
  const handler = serve({
    client: input.client,
    functions: input.functions,
    serveOrigin: config.inngestServeOrigin,
    servePath: "/api/inngest",
  });
  if (handle.driver === "pglite") {
    // PGlite allows one process per data directory, so a run still marked running was left by a
    // process that died (SIGKILL, crash): it resumes now, from its stored steps.
    await handle.db
      .update(jobRuns)
      .set({ leaseUntil: new Date(0) })
      .where(eq(jobRuns.status, "running"));
  }
  const serveUrl = `http://127.0.0.1:${config.PORT}/api/inngest`;
  const executor = createEmbeddedExecutor({
    db: handle.db,
    registry,
    callServeHandler: (request) => handler.POST(request as never, undefined as never) as Promise<Response>,
    serveUrl,
    signingKey: embeddedSigningKey(config.INNGEST_SIGNING_KEY, config.DATA_DIR),
    now: () => new Date(),
    retryBaseMs: config.JOBS_RETRY_BASE_MS,
    leaseMs: LEASE_MS,
    parallelism: PARALLEL_RUNS,
    log: log.child({ component: "jobs" }),
  });
  setEmbeddedExecutor(executor);
  // Events are accepted at once; driving starts when the HTTP server is up (it is not yet, during start-up).
  void untilServing(`http://127.0.0.1:${config.PORT}/api/health`).then(
    () => executor.start().then(() => log.info("embedded job executor started", { functions: [...registry.keys()] })),
    (error: unknown) => log.error("embedded job executor did not start", { error }),
  );
  return executor;
}

async function untilServing(url: string) {
  for (let attempt = 0; attempt < SERVER_START_TIMEOUT_MS / SERVER_POLL_INTERVAL_MS; attempt++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(SERVER_PROBE_TIMEOUT_MS) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, SERVER_POLL_INTERVAL_MS));
    }
  }
  throw new Error(`${url} did not answer within a minute`);
}
