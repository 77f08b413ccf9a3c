import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { featureWebhookSecret } from "@/lib/analysis/callback-signature";
import type { CreateFeatureInput } from "./feature-input";

/** Creates a feature with its callback secret, derived from WEBHOOK_SECRET and the new id. */
export async function createFeature(
  db: Database,
  input: CreateFeatureInput,
  deps: { webhookSecret: string; createdBy: string | null },
): Promise<Feature> {
  const id = randomUUID();
  const [feature] = await db
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
  return feature!;
}
