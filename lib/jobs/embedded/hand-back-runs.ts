import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { jobRuns } from "@/db/schema";

/**
 * Ends this driver's leases on the runs it is driving (run id → lease token), so another executor claims
 * them at once instead of after the lease: used when shutdown cannot wait for their steps. A run already
 * taken over or finished is left alone (its token changed or was cleared). It resumes from its stored steps.
 */
export async function handBackRuns(db: Database, held: Map<string, string>): Promise<number> {
  let handedBack = 0;
  for (const [runId, leaseToken] of held) {
    const updated = await db
      .update(jobRuns)
      .set({ leaseUntil: new Date(0) })
      .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, "running"), eq(jobRuns.leaseToken, leaseToken)))
      .returning({ id: jobRuns.id });
    handedBack += updated.length;
  }
  return handedBack;
}
