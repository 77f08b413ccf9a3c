import "server-only";

import { subscribe } from "node:diagnostics_channel";
import type { Server } from "node:http";

import type { Logger } from "@/lib/log";

import { processSingleton } from "./process-singleton";

/**
 * A part of the process that holds work or a resource at shutdown. `drain` stops taking new work and
 * resolves when what is in flight has finished; `abandon` (past the timeout) hands unfinished work back
 * so another instance takes it at once; `close` releases the resource once nothing uses it.
 */
export interface ShutdownPart {
  name: string;
  drain?(): Promise<void>;
  abandon?(): Promise<void>;
  close?(): Promise<void>;
}

interface ShutdownState {
  parts: ShutdownPart[];
  servers: Set<Server>;
  /** Set once the first signal arrived: /api/health/ready answers 503 from then on. */
  startedAt?: number;
  installed: boolean;
  watching: boolean;
}

const state = processSingleton("hooksmith.shutdown", (): ShutdownState => ({
  parts: [],
  servers: new Set(),
  installed: false,
  watching: false,
}));

/** A repeat within this window is the same signal delivered twice (the terminal's process group and npm's forward). */
const SAME_SIGNAL_MS = 500;

/** Registers a part; parts close in reverse order of registration (the database, registered first, closes last). */
export function onShutdown(part: ShutdownPart) {
  state.parts.push(part);
}

export function isShuttingDown(): boolean {
  return state.startedAt !== undefined;
}

/**
 * Next owns the HTTP server; its first request shows it to us (Node's documented diagnostics channel), so
 * shutdown can stop it taking connections. Called at start-up, before the first request.
 */
export function watchHttpServers() {
  if (state.watching) return;
  state.watching = true;
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server?: Server };
    if (server) state.servers.add(server);
  });
}

/**
 * On SIGTERM / SIGINT: stop taking runs and requests (readiness answers 503 at once), let in-flight ones finish, close, exit 0 — within
 * `timeoutMs`, after which unfinished work is handed back first. A second signal exits at once.
 */
export function installGracefulShutdown(options: { timeoutMs: number; log: Logger; exit?: (code: number) => void }) {
  if (state.installed) return;
  state.installed = true;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.startedAt === undefined) {
      state.startedAt = Date.now();
      options.log.info("shutting down: no new job runs or requests; waiting for what is in flight", {
        signal,
        timeout_ms: options.timeoutMs,
      });
      void shutDown({ parts: [...state.parts], servers: [...state.servers], timeoutMs: options.timeoutMs, log: options.log }).then(
        () => exit(0),
        (error: unknown) => {
          options.log.error("shutdown failed", { error });
          exit(1);
        },
      );
    } else if (Date.now() - state.startedAt > SAME_SIGNAL_MS) {
      options.log.warn("second signal: exiting now", { signal });
      exit(1);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/**
 * 1. Drain every part (the embedded executor claims no more runs; its steps in flight finish) — job steps
 *    first, as the executor drives them through this server, which must still answer them.
 * 2. Close the listeners: no new connections, idle keep-alive ones close now, in-flight requests finish.
 * 3. Past `timeoutMs`: cut the remaining connections and have each part hand its work back.
 * 4. Close the parts in reverse order of registration (the database last).
 */
export async function shutDown(input: { parts: ShutdownPart[]; servers: Server[]; timeoutMs: number; log: Logger }) {
  const { parts, servers, timeoutMs, log } = input;
  const started = Date.now();
  const drained = (async () => {
    await Promise.all(parts.map((part) => part.drain?.()));
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  })();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    drained.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    log.warn("shutdown timeout: handing unfinished work back", { timeout_ms: timeoutMs });
    for (const server of servers) server.closeAllConnections();
    await Promise.allSettled(parts.map((part) => part.abandon?.()));
  }
  for (const part of [...parts].reverse()) {
    await part.close?.().catch((error: unknown) => log.warn("shutdown: close failed", { part: part.name, error }));
  }
  log.info("shut down", { ms: Date.now() - started, timed_out: timedOut });
}
