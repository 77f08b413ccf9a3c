import "server-only";

import { CronExpressionParser } from "cron-parser";
import { notInArray, sql } from "drizzle-orm";

import { jobCrons } from "@/db/schema";

import type { ExecutorDeps } from "./deps";

/** The next time a cron expression fires after `after` (UTC unless the expression sets TZ=…). */
export function nextCronTime(cron: string, after: Date): Date {
  const tz = /^TZ=(\S+)\s+/.exec(cron);
  const expression = tz ? cron.slice(tz[0].length) : cron;
  return CronExpressionParser.parse(expression, { currentDate: after, tz: tz?.[1] ?? "UTC" })
    .next()
    .toDate();
}

/** Records the schedule of every registered cron (keeping existing next times) and drops stale ones. */
export async function scheduleCrons(deps: Pick<ExecutorDeps, "db" | "registry" | "now">) {
  const now = deps.now();
  const keys: string[] = [];
  for (const fn of deps.registry.values()) {
    for (const cron of fn.crons) {
      keys.push(`${fn.id} ${cron}`);
      await deps.db
        .insert(jobCrons)
        .values({ functionId: fn.id, cron, nextAt: nextCronTime(cron, now) })
        .onConflictDoNothing();
    }
  }
  await deps.db.delete(jobCrons).where(keys.length ? notInArray(sql`${jobCrons.functionId} || ' ' || ${jobCrons.cron}`, keys) : sql`true`);
}
