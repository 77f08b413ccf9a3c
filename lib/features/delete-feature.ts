import "server-only";

import { eq } from "drizzle-orm";

import { features } from "@/db/schema";
import { assertMayChange, type Actor } from "@/lib/auth/assert-may-change";
import { found } from "@/lib/errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { FeatureDeps } from "./deps";
import { toFeatureView } from "./feature-view";

/**
 * Deletes a feature with its analyses and timeline (they cascade) and announces feature.deleted. Only its
 * creator or an admin may (403). An analysis in flight is left to end by itself: its poller stops at its
 * next poll, and a late callback answers 404.
 */
export async function deleteFeature(deps: Pick<FeatureDeps, "db" | "outbox">, input: { id: string; actor: Actor }) {
  await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [current] = await tx.select().from(features).where(eq(features.id, input.id)).for("update");
    const feature = found(current, "Feature");
    assertMayChange(input.actor, feature.createdBy, "feature");
    await tx.delete(features).where(eq(features.id, feature.id));
    await emit("feature.deleted", { feature: toFeatureView(feature), deleted_by: input.actor.userId });
  });
}
