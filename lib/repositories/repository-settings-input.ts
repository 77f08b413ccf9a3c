import { z } from "zod";

/** An admin's overrides; null clears one. */
export const repositorySettingsInputSchema = z.object({
  analysis_workflow: z
    .string()
    .trim()
    .regex(/^[\w.-]+\.ya?ml$/, "expected a workflow file name such as analyze-feature.yml")
    .nullable(),
  analysis_ref: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^\s~^:?*[\\]+$/, "expected a branch, tag or commit")
    .nullable(),
});

export type RepositorySettingsInput = z.output<typeof repositorySettingsInputSchema>;
