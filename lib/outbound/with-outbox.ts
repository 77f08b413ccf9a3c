import "server-only";

import type { Database, Executor, Transaction } from "@/db";

import type { EventType } from "./event-types";
import type { Outbox } from "./outbox";

/**
 * Records an outbound event in the write's transaction. `into` names a savepoint inside it, for an event
 * that may fail on its own without undoing the write (see record-sign-in.ts).
 */
export type Emit = (type: EventType, data: Record<string, unknown>, options?: { into?: Executor }) => Promise<void>;

/**
 * Runs `fn` in one transaction; every event it emits is stored in that transaction, so an event exists
 * exactly when the change it announces does. Once the transaction has committed, the endpoints of those
 * events are woken; a write that throws wakes nobody.
 *
 *   const feature = await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
 *     const [row] = await tx.insert(features).values(values).returning();
 *     await emit("feature.created", toFeatureView(row!));
 *     return row!;
 *   });
 */
export async function withOutbox<T>(db: Database, outbox: Outbox, fn: (tx: Transaction, emit: Emit) => Promise<T>): Promise<T> {
  const woken = new Set<string>();
  const result = await db.transaction((tx) =>
    fn(tx, async (type, data, options = {}) => {
      for (const endpointId of await outbox.record(options.into ?? tx, type, data)) woken.add(endpointId);
    }),
  );
  await outbox.wake([...woken]);
  return result;
}
