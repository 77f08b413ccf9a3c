import "server-only";

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
  /** One pass: fire due crons, claim and drive runnable runs. Returns how many runs were driven. */
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
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let stopped = true;
  /** Runs this executor is driving now: run id → its lease token. */
  const driving = new Map<string, string>();

  const send: EmbeddedExecutor["send"] = async (events) => {
    const result = await ingestEvents(input.db, input.registry, events, input.now());
    wake?.();
    return result;
  };
  const deps: ExecutorDeps = { ...input, ingest: send };

  const tick = async () => {
    await fireDueCrons(deps);
    // While stop() waits, the loop's tick under way claims nothing more (tests drive ticks without start()).
    if (stopped && loop) return 0;
    const runs = await claimRuns(deps, deps.parallelism);
    for (const run of runs) driving.set(run.id, run.leaseToken!);
    await Promise.all(runs.map((run) => driveRun(deps, run).finally(() => driving.delete(run.id))));
    return runs.length;
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
      loop = (async () => {
        while (!stopped) {
          let driven = 0;
          try {
            driven = await tick();
          } catch (error) {
            deps.log.error("job executor tick failed", { error });
          }
          if (driven === 0 && !stopped) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, IDLE_POLL_MS);
            });
          }
        }
      })();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      loop = undefined;
    },
    handBack: () => handBackRuns(deps.db, driving),
    wake() {
      wake?.();
    },
    now: () => deps.now(),
  };
}
