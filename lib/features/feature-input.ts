import { z } from "zod";

import { FEATURE_PRIORITIES, FEATURE_STATUSES } from "./feature-enums";

export const REPOSITORY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export const featurePrioritySchema = z.enum(FEATURE_PRIORITIES);
export const featureStatusSchema = z.enum(FEATURE_STATUSES);

/** A new feature, as the API and the create form accept it. */
export const createFeatureSchema = z.object({
  name: z.string().trim().min(1, "Give the feature a name").max(200, "At most 200 characters"),
  description: z.string().trim().min(10, "Describe the feature in at least 10 characters").max(10_000, "At most 10,000 characters"),
  priority: featurePrioritySchema.default("medium"),
  repository: z.string().trim().regex(REPOSITORY_NAME, "Expected owner/name, e.g. demo-org/demo-app"),
  github_issue_url: z
    .url({ protocol: /^https?$/, error: "Expected an http(s) URL" })
    .max(500)
    .nullish(),
});

export type CreateFeatureInput = z.output<typeof createFeatureSchema>;
