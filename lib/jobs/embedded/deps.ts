import "server-only";

import type { Database } from "@/db";
import type { Logger } from "@/lib/log";

import type { IncomingEvent } from "./ingest-events";
import type { RegisteredFunction } from "./register-functions";

/** What the embedded executor runs on; tests swap the transport and the clock. */
export interface ExecutorDeps {
  db: Database;
  registry: Map<string, RegisteredFunction>;
  /** Delivers a signed request to the app's serve handler: HTTP in the server, the handler itself in tests. */
  callServeHandler: (request: Request) => Promise<Response>;
  /** URL of the serve handler, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  signingKey: string;
  now: () => Date;
  /** Base of exponential retry backoff: attempt n waits base * 2^n. */
  retryBaseMs: number;
  /** How long a driver holds a run while its request is in flight; a dead driver's runs resume after it. */
  leaseMs: number;
  /** Runs driven at once per tick. */
  parallelism: number;
  log: Logger;
  ingest: (events: IncomingEvent[]) => Promise<unknown>;
}
