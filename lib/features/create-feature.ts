import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { featureWebhookSecret } from "@/lib/analysis/callback-signature";
import { silentOutbox, type Outbox } from "@/lib/outbound/outbox";
import type { CreateFeatureInput } from "./feature-input";
import { toFeatureView } from "./feature-view";

/** Creates a feature with its callback secret, derived from WEBHOOK_SECRET and the new id; announces feature.created. */
export async function createFeature(
  db: Database,
  input: CreateFeatureInput,
  deps: { webhookSecret: string; createdBy: string | null; outbox?: Outbox },
): Promise<Feature> {
  const id = randomUUID();
  const outbox = deps.outbox ?? silentOutbox;
  const { feature, woken } = await db.transaction(async (tx) => {
    const [feature] = await tx
      .insert(features)
      .values({
        id,
        name: input.name,
        description: input.description,
        priority: input.priority,
        repository: input.repository,
        githubIssueUrl: input.github_issue_url ?? null,
        webhookSecret: featureWebhookSecret(deps.webhookSecret, id),
        createdBy: deps.createdBy,
      })
      .returning();
    return { feature: feature!, woken: await outbox.record(tx, "feature.created", toFeatureView(feature!)) };
  });
  await outbox.wake(woken);
  return feature;
}
