import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";

import type { Database } from "@/db";
import { createEmbeddedExecutor, type EmbeddedExecutor } from "@/lib/jobs/embedded/create-embedded-executor";
import { setEmbeddedExecutor } from "@/lib/jobs/embedded/current-executor";
import { EMBEDDED_BASE_URL, embeddedFetch } from "@/lib/jobs/embedded/embedded-fetch";
import { registerFunctions } from "@/lib/jobs/embedded/register-functions";
import { createLogger } from "@/lib/log";

export const TEST_SIGNING_KEY = `signkey-test-${"ab".repeat(32)}`;

/** An Inngest client configured as the app's is in embedded mode. */
export function embeddedTestClient(id = "test-app") {
  return new Inngest({
    id,
    isDev: false,
    eventKey: "embedded",
    signingKey: TEST_SIGNING_KEY,
    baseUrl: EMBEDDED_BASE_URL,
    fetch: embeddedFetch,
    checkpointing: false,
  });
}

export interface TestExecutor {
  executor: EmbeddedExecutor;
  registry: ReturnType<typeof registerFunctions>;
  clock: { now: Date; advance(ms: number): void };
  serveHandler: (request: Request) => Promise<Response>;
}

/**
 * The embedded executor over the given functions, driving them through the SDK's real serve handler
 * (called directly, no socket) with a clock the test moves.
 */
export function startTestExecutor(
  db: Database,
  client: Inngest.Any,
  functions: InngestFunction.Any[],
  signingKey = TEST_SIGNING_KEY,
): TestExecutor {
  const handler = serve({ client, functions });
  const serveHandler = (request: Request) => handler.POST(request as never, undefined as never) as Promise<Response>;
  const clock = {
    now: new Date("2026-06-01T12:00:00.000Z"),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const registry = registerFunctions(client.id, functions);
  const executor = createEmbeddedExecutor({
    db,
    registry,
    callServeHandler: serveHandler,
    serveUrl: "http://app.test/api/inngest",
    signingKey,
    now: () => clock.now,
    retryBaseMs: 1000,
    leaseMs: 60_000,
    parallelism: 4,
    log: createLogger({ test: true }),
  });
  setEmbeddedExecutor(executor);
  return { executor, registry, clock, serveHandler };
}

/** The embedded executor over the app's own client and functions, as the server runs them. */
export async function startAppTestExecutor(db: Database): Promise<TestExecutor> {
  const [{ inngest }, { functions }, { getConfig }, { embeddedSigningKey }] = await Promise.all([
    import("@/inngest/client"),
    import("@/inngest/functions"),
    import("@/lib/config"),
    import("@/lib/jobs/embedded/embedded-signing-key"),
  ]);
  // Signed with the key the app's client checks (inngest/client.ts), as the server does.
  const config = getConfig();
  const started = startTestExecutor(db, inngest, functions, embeddedSigningKey(config.INNGEST_SIGNING_KEY, config.DATA_DIR));
  // The app hands new GitHub deliveries over off the request path: a drain first lets those arrive.
  const { githubWebhookHandOff } = await import("@/lib/github-webhooks/default-deps");
  const drainRuns = started.executor.drain.bind(started.executor);
  started.executor.drain = async (maxTicks) => {
    await githubWebhookHandOff().drained();
    await drainRuns(maxTicks);
  };
  return started;
}
