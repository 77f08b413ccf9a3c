import { z } from "zod";

import { isoTime } from "./common-schemas";

/** lib/repositories/repository-callback-key.ts `repositoryCallbackKeyView`. */
export const repositoryCallbackKeyView = z
  .object({
    repository: z.string().meta({ description: "owner/repo, lowercase" }),
    secret_name: z.literal("WEBHOOK_SECRET").meta({ description: "The repository secret to store the key in" }),
    callback_key: z.string().meta({ description: "HMAC-SHA256(WEBHOOK_SECRET, lowercase owner/repo), hex" }),
    previous: z
      .object({ callback_key: z.string(), accepted_until: isoTime })
      .nullable()
      .meta({ description: "During a rotation: the key under the previous root, still accepted until then" }),
  })
  .meta({ id: "RepositoryCallbackKey" });

/** lib/repositories/repository-settings.ts `repositorySettingsView`. */
export const repositorySettingsView = z
  .object({
    repository: z.string().meta({ description: "owner/repo, lowercase" }),
    analysis_workflow: z.string().nullable().meta({ description: "The workflow file for this repository; null: ANALYSIS_WORKFLOW" }),
    analysis_ref: z.string().nullable().meta({ description: "The ref to run it on; null: ANALYSIS_WORKFLOW_REF or the default branch" }),
    effective: z
      .object({ workflow: z.string(), ref: z.string().nullable().meta({ description: "Null: the repository's default branch" }) })
      .meta({ description: "What the next dispatch uses" }),
    updated_at: isoTime.nullable(),
  })
  .meta({ id: "RepositorySettings" });
