import "server-only";

import type { Database } from "@/db";
import { featureEvents, type FeatureEventKind } from "@/db/schema";

type Executor = Pick<Database, "insert">;

/** One line of a feature's analysis timeline. */
export async function addFeatureEvent(
  db: Executor,
  event: { featureId: string; correlationId: string | null; kind: FeatureEventKind; message: string; detail?: Record<string, unknown> },
) {
  await db.insert(featureEvents).values({ ...event, detail: event.detail ?? null });
}
