import "server-only";

import { and, eq, lte } from "drizzle-orm";

import { jobCrons, jobEvents } from "@/db/schema";

import { createRun } from "./create-run";
import type { ExecutorDeps } from "./deps";
import { nextCronTime } from "./schedule-crons";

/** The event a cron-started run carries, as on Inngest. */
export const SCHEDULED_EVENT_NAME = "inngest/scheduled.timer";

/**
 * Starts a run for each cron whose time has come, once: the event id is derived from the fire time, and
 * the schedule row is locked while it moves on. Fires missed while the app was down fire once, as on Inngest.
 */
export async function fireDueCrons(deps: Pick<ExecutorDeps, "db" | "registry" | "now">): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx.select().from(jobCrons).where(lte(jobCrons.nextAt, now)).for("update", { skipLocked: true });
    for (const schedule of due) {
      const fn = deps.registry.get(schedule.functionId);
      if (!fn) continue;
      const event = {
        id: `cron:${fn.id}:${schedule.nextAt.toISOString()}`,
        name: SCHEDULED_EVENT_NAME,
        data: { cron: schedule.cron },
        ts: schedule.nextAt.getTime(),
      };
      const [stored] = await tx
        .insert(jobEvents)
        .values({ id: event.id, name: event.name, data: event.data, ts: event.ts, receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: jobEvents.id });
      if (stored) await createRun(tx, fn, event, now);
      await tx
        .update(jobCrons)
        .set({ nextAt: nextCronTime(schedule.cron, now) })
        .where(and(eq(jobCrons.functionId, schedule.functionId), eq(jobCrons.cron, schedule.cron)));
    }
    return due.length;
  });
}
