import "server-only";

import { z } from "zod";

const repositoryRef = z.object({ id: z.number(), full_name: z.string() });

/** The fields `installation` and `installation_repositories` deliveries share. */
export const installationPayload = z.object({
  action: z.string(),
  installation: z.object({
    id: z.number(),
    account: z.object({ login: z.string().optional(), slug: z.string().optional(), type: z.string().optional() }).nullable(),
    repository_selection: z.string().optional(),
    suspended_at: z.string().nullish(),
  }),
  repositories: z.array(repositoryRef).optional(),
  repositories_added: z.array(repositoryRef).optional(),
  repositories_removed: z.array(repositoryRef).optional(),
});
