import "server-only";

import { sql } from "drizzle-orm";

import type { DatabaseHandle } from "@/db/client";

export interface DatabaseStatus {
  status: "ok" | "unreachable";
  driver?: DatabaseHandle["driver"];
  latency_ms?: number;
}

const TIMEOUT_MS = 3000;

/** Runs `select 1` against the database, bounded in time; never throws, never reveals connection details. */
export async function checkDatabase(openHandle: () => Promise<DatabaseHandle>): Promise<DatabaseStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database check timed out")), TIMEOUT_MS);
    });
    const handle = await Promise.race([openHandle(), timeout]);
    await Promise.race([handle.db.execute(sql`select 1`), timeout]);
    return { status: "ok", driver: handle.driver, latency_ms: Math.round(performance.now() - started) };
  } catch {
    return { status: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
