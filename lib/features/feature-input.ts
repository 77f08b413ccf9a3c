import { z } from "zod";

import { FEATURE_PRIORITIES, FEATURE_STATUSES } from "./feature-enums";

export const REPOSITORY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export const featurePrioritySchema = z.enum(FEATURE_PRIORITIES);
export const featureStatusSchema = z.enum(FEATURE_STATUSES);

const featureFields = {
  name: z.string().trim().min(1, "Give the feature a name").max(200, "At most 200 characters"),
  description: z.string().trim().min(10, "Describe the feature in at least 10 characters").max(10_000, "At most 10,000 characters"),
  priority: featurePrioritySchema,
  repository: z.string().trim().regex(REPOSITORY_NAME, "Expected owner/name, e.g. demo-org/demo-app"),
  github_issue_url: z
    .url({ protocol: /^https?$/, error: "Expected an http(s) URL" })
    .max(500)
    .nullish(),
};

/** A new feature, as the API and the create form accept it. */
export const createFeatureSchema = z.object({ ...featureFields, priority: featurePrioritySchema.default("medium") });

export type CreateFeatureInput = z.output<typeof createFeatureSchema>;

/** Changes to a feature (PATCH): any of its fields, at least one; unknown fields are refused. */
export const updateFeatureSchema = z
  .strictObject(featureFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "Send at least one field to change");

export type UpdateFeatureInput = z.output<typeof updateFeatureSchema>;

/** Fields an analysis in flight depends on (the workflow input and where it runs): not changed mid-attempt. */
export const FIELDS_FIXED_WHILE_ANALYZING = ["name", "description", "repository"] as const;
