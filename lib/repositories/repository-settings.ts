import "server-only";

import { eq } from "drizzle-orm";
import type { z } from "zod";

import type { Database } from "@/db";
import { repositorySettings, type RepositorySettings } from "@/db/schema";
import type { Config } from "@/lib/config";
import type { repositorySettingsView as repositorySettingsSchema } from "@/lib/openapi/repository-schemas";

import type { RepositorySettingsInput } from "./repository-settings-input";

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

/** A repository's settings as the API shows them: the overrides, and what a dispatch will use. */
export function repositorySettingsView(
  config: Pick<Config, "ANALYSIS_WORKFLOW" | "ANALYSIS_WORKFLOW_REF">,
  repository: string,
  settings: RepositorySettings | undefined,
): RepositorySettingsView {
  return {
    repository: repository.toLowerCase(),
    analysis_workflow: settings?.analysisWorkflow ?? null,
    analysis_ref: settings?.analysisRef ?? null,
    /** What the next dispatch uses; a null ref is the repository's default branch, read from GitHub then. */
    effective: {
      workflow: settings?.analysisWorkflow ?? config.ANALYSIS_WORKFLOW,
      ref: settings?.analysisRef ?? config.ANALYSIS_WORKFLOW_REF ?? null,
    },
    updated_at: settings?.updatedAt.toISOString() ?? null,
  };
}

export type RepositorySettingsView = z.output<typeof repositorySettingsSchema>;
