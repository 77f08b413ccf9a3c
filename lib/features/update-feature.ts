import "server-only";

import { eq } from "drizzle-orm";

import { features, type Feature } from "@/db/schema";
import { assertMayChange, type Actor } from "@/lib/auth/assert-may-change";
import { AppError, found } from "@/lib/errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { FeatureDeps } from "./deps";
import { FIELDS_FIXED_WHILE_ANALYZING, type UpdateFeatureInput } from "./feature-input";
import { toFeatureView } from "./feature-view";

const COLUMN = {
  name: "name",
  description: "description",
  priority: "priority",
  repository: "repository",
  github_issue_url: "githubIssueUrl",
} as const satisfies Record<keyof UpdateFeatureInput, keyof Feature>;

/**
 * Changes a feature's fields and announces feature.updated with what each changed field was. Only its
 * creator or an admin may (403); the name, description and repository stay fixed while an analysis is in
 * flight (409), since the running workflow was given them. Callback keys derive from the repository, so a moved feature's next
 * callback is signed with its new repository's key.
 */
export async function updateFeature(deps: FeatureDeps, input: { id: string; actor: Actor; changes: UpdateFeatureInput }): Promise<Feature> {
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [current] = await tx.select().from(features).where(eq(features.id, input.id)).for("update");
    const feature = found(current, "Feature");
    assertMayChange(input.actor, feature.createdBy, "feature");

    const changed = (Object.keys(input.changes) as (keyof UpdateFeatureInput)[]).filter(
      (field) => input.changes[field] !== undefined && (input.changes[field] ?? null) !== feature[COLUMN[field]],
    );
    const fixed = changed.filter((field) => (FIELDS_FIXED_WHILE_ANALYZING as readonly string[]).includes(field));
    if (feature.status === "analyzing" && fixed.length > 0) {
      throw new AppError(
        409,
        "analysis_in_progress",
        `The ${fixed.join(" and ")} cannot change while an analysis is running: cancel it or wait for it to finish`,
      );
    }
    if (changed.length === 0) return feature;

    const values: Partial<typeof features.$inferInsert> = { updatedAt: new Date() };
    for (const field of changed) Object.assign(values, { [COLUMN[field]]: input.changes[field] ?? null });
    const [updated] = await tx.update(features).set(values).where(eq(features.id, feature.id)).returning();
    await emit("feature.updated", {
      feature: toFeatureView(updated!),
      changes: Object.fromEntries(changed.map((field) => [field, { from: feature[COLUMN[field]] }])),
      updated_by: input.actor.userId,
    });
    return updated!;
  });
}
