import "server-only";

import { claimRuns } from "./claim-runs";
import type { ExecutorDeps } from "./deps";
import { driveRun } from "./drive-run";
import { fireDueCrons } from "./fire-due-crons";
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
  stop(): Promise<void>;
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

  const send: EmbeddedExecutor["send"] = async (events) => {
    const result = await ingestEvents(input.db, input.registry, events, input.now());
    wake?.();
    return result;
  };
  const deps: ExecutorDeps = { ...input, ingest: send };

  const tick = async () => {
    await fireDueCrons(deps);
    const runs = await claimRuns(deps, deps.parallelism);
    await Promise.all(runs.map((run) => driveRun(deps, run)));
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
    },
    wake() {
      wake?.();
    },
    now: () => deps.now(),
  };
}
