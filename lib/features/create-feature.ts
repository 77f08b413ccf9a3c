import "server-only";

import { randomUUID } from "node:crypto";

import { features, type Feature } from "@/db/schema";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { FeatureDeps } from "./deps";
import type { CreateFeatureInput } from "./feature-input";
import { toFeatureView } from "./feature-view";

/** Creates a feature; announces feature.created. Its callback key is derived when a callback arrives, never stored. */
export async function createFeature(deps: FeatureDeps, input: CreateFeatureInput & { createdBy: string | null }): Promise<Feature> {
  const id = randomUUID();
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [feature] = await tx
      .insert(features)
      .values({
        id,
        name: input.name,
        description: input.description,
        priority: input.priority,
        repository: input.repository,
        githubIssueUrl: input.github_issue_url ?? null,
        createdBy: input.createdBy,
      })
      .returning();
    await emit("feature.created", toFeatureView(feature!));
    return feature!;
  });
}
