import "server-only";

import { sql } from "drizzle-orm";

import type { Executor } from "@/db";
import { webhookEndpointState } from "@/db/schema";

/** Next sequence number of an endpoint; the row lock orders concurrent emitters. */
export async function nextSequence(tx: Executor, endpointId: string): Promise<number> {
  const [row] = await tx
    .insert(webhookEndpointState)
    .values({ endpointId, lastSequence: 1 })
    .onConflictDoUpdate({
      target: webhookEndpointState.endpointId,
      set: { lastSequence: sql`${webhookEndpointState.lastSequence} + 1`, updatedAt: new Date() },
    })
    .returning({ sequence: webhookEndpointState.lastSequence });
  return row!.sequence;
}
