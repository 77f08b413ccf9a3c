import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "@/db";
import { repositorySettings, type RepositorySettings } from "@/db/schema";

/** owner/name as GitHub allows it; compared lower-cased everywhere. */
export const repositoryNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, "expected owner/name");

export const repositorySettingsInputSchema = z.object({
  /** null clears the override. */
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

/** An admin's overrides for `repository` (any case), if any. */
export async function findRepositorySettings(db: Database, repository: string): Promise<RepositorySettings | undefined> {
  const [settings] = await db.select().from(repositorySettings).where(eq(repositorySettings.repository, repository.toLowerCase()));
  return settings;
}

/** Sets (or, with both values null, clears) a repository's overrides. */
export async function saveRepositorySettings(db: Database, repository: string, input: RepositorySettingsInput, now: Date) {
  const key = repository.toLowerCase();
  if (input.analysis_workflow === null && input.analysis_ref === null) {
    await db.delete(repositorySettings).where(eq(repositorySettings.repository, key));
    return;
  }
  const values = { analysisWorkflow: input.analysis_workflow, analysisRef: input.analysis_ref, updatedAt: now };
  await db
    .insert(repositorySettings)
    .values({ repository: key, ...values })
    .onConflictDoUpdate({ target: repositorySettings.repository, set: values });
}
