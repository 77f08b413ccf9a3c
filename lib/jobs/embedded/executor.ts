import { and, eq, inArray } from "drizzle-orm";
import { jobRuns } from "@/db/schema";
import { claimRuns } from "./claim-runs";
import type { ExecutorDeps } from "./deps";
import { driveRun } from "./drive-run";
import { fireDueCrons, scheduleCrons } from "./fire-due-crons";
import { ingestEvents, type IncomingEvent } from "./ingest-events";

export interface EmbeddedExecutor {
  /** The event API: what `inngest.send` reaches in embedded mode. */
  send(events: IncomingEvent[]): Promise<{ ids: string[]; runIds: string[] }>;
  /** One pass: fire due crons, claim and drive runnable runs. Returns how many runs were driven. */
  tick(): Promise<number>;
  /** Drives until nothing is runnable now (tests). */
  drain(maxTicks?: number): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  cancelRun(runId: string): Promise<boolean>;
  retryRun(runId: string): Promise<boolean>;
}

const IDLE_POLL_MS = 250;

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
    async drain(maxTicks = 200) {
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
    async cancelRun(runId) {
      const [row] = await deps.db
        .update(jobRuns)
        .set({ status: "cancelled", cancelledBy: "user", endedAt: deps.now(), leaseUntil: null })
        .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ["queued", "running", "sleeping", "waiting"])))
        .returning({ id: jobRuns.id });
      return Boolean(row);
    },
    async retryRun(runId) {
      // A retry starts the function again from its memoized steps; finished steps are not re-run.
      const [row] = await deps.db
        .update(jobRuns)
        .set({ status: "queued", attempt: 0, error: null, endedAt: null, nextRunAt: deps.now() })
        .where(and(eq(jobRuns.id, runId), inArray(jobRuns.status, ["failed", "cancelled"])))
        .returning({ id: jobRuns.id });
      wake?.();
      return Boolean(row);
    },
  };
}
