import "server-only";

import type { JobRun } from "@/db/schema";

import { claimRuns } from "./claim-runs";
import type { ExecutorDeps } from "./deps";
import { driveRun } from "./drive-run";
import { fireDueCrons } from "./fire-due-crons";
import { handBackRuns } from "./hand-back-runs";
import { ingestEvents, type IncomingEvent } from "./ingest-events";
import { scheduleCrons } from "./schedule-crons";

export interface EmbeddedExecutor {
  /** The event API: what `inngest.send` reaches in embedded mode. */
  send(events: IncomingEvent[]): Promise<{ ids: string[]; runIds: string[] }>;
  /** One pass (tests): fire due crons, claim and drive runnable runs. Returns how many runs were driven. */
  tick(): Promise<number>;
  /** Drives until nothing is runnable now (tests). */
  drain(maxTicks?: number): Promise<void>;
  start(): Promise<void>;
  /** Claims no more runs and resolves once the runs being driven have had their current step answered. */
  stop(): Promise<void>;
  /** Shutdown past its timeout: the runs still being driven are handed back (hand-back-runs.ts). Returns how many. */
  handBack(): Promise<number>;
  /** Ends the idle wait at once, when runs became runnable outside the event API (a retry). */
  wake(): void;
  /** The executor's clock: the wall clock in the server, one the test moves in tests. */
  now(): Date;
}

/** With nothing to run, the loop looks again this often (new events wake it at once). */
const IDLE_POLL_MS = 250;
/** drain() gives up after this many ticks: runs still runnable then are looping. */
const DRAIN_MAX_TICKS = 200;

/**
 * The embedded Inngest executor: drives the app's functions through its own serve handler, with all
 * state in the app's database. One per process; several processes on one PostgreSQL share the work.
 */
export function createEmbeddedExecutor(input: Omit<ExecutorDeps, "ingest">): EmbeddedExecutor {
  let loop: Promise<void> | undefined;
  let stopped = true;
  /** Runs this executor is driving now: run id → its lease token. */
  const driving = new Map<string, string>();
  // The loop's wake-up: set by new events, a retry or a run ending, so none is missed while the loop works.
  let signalled = false;
  let resolveWait: (() => void) | undefined;
  const signal = () => {
    signalled = true;
    resolveWait?.();
  };
  const nextSignal = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolveWait = undefined;
        signalled = false;
        resolve();
      }
      if (signalled) done();
      else resolveWait = done;
    });

  const send: EmbeddedExecutor["send"] = async (events) => {
    const result = await ingestEvents(input.db, input.registry, events, input.now());
    signal();
    return result;
  };
  const deps: ExecutorDeps = { ...input, ingest: send };
  // While stop() waits, runs are called no further than their current step.
  const keepDriving = () => !(stopped && loop);

  const drive = (run: JobRun) => {
    driving.set(run.id, run.leaseToken!);
    return driveRun(deps, run, keepDriving).finally(() => driving.delete(run.id));
  };

  const tick = async () => {
    await fireDueCrons(deps);
    // While stop() waits, the loop's tick under way claims nothing more (tests drive ticks without start()).
    if (!keepDriving()) return 0;
    const runs = await claimRuns(deps, deps.parallelism);
    await Promise.all(runs.map(drive));
    return runs.length;
  };

  /**
   * The server's loop: keeps up to `parallelism` runs in flight, claiming more as soon as one ends (a
   * tick would wait for its slowest run), and fires due crons at most once per idle interval.
   */
  const run = async () => {
    const inFlight = new Set<Promise<void>>();
    let cronsFiredAt = 0;
    while (!stopped) {
      try {
        if (Date.now() - cronsFiredAt >= IDLE_POLL_MS) {
          cronsFiredAt = Date.now();
          await fireDueCrons(deps);
        }
        const free = deps.parallelism - inFlight.size;
        const runs = free > 0 && !stopped ? await claimRuns(deps, free) : [];
        for (const claimed of runs) {
          const driven: Promise<void> = drive(claimed)
            .catch((error: unknown) => deps.log.error("job run not driven", { run_id: claimed.id, error }))
            .finally(() => {
              inFlight.delete(driven);
              signal();
            });
          inFlight.add(driven);
        }
        if (runs.length > 0 && runs.length === free) continue;
      } catch (error) {
        deps.log.error("job executor tick failed", { error });
      }
      if (!stopped) await nextSignal();
    }
    await Promise.all(inFlight);
  };

  return {
    send,
    tick,
    async drain(maxTicks = DRAIN_MAX_TICKS) {
      for (let i = 0; i < maxTicks; i++) if ((await tick()) === 0) return;
      throw new Error(`Runs still runnable after ${maxTicks} ticks`);
    },
    async start() {
      await scheduleCrons(deps);
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      signal();
      await loop;
      loop = undefined;
    },
    handBack: () => handBackRuns(deps.db, driving),
    wake: signal,
    now: () => deps.now(),
  };
}
