import "server-only";

import type { z } from "zod";

import { repositoryCallbackKey } from "@/lib/analysis/callback-signature";
import type { CallbackRoots } from "@/lib/analysis/webhook-secret";
import type { repositoryCallbackKeyView as repositoryCallbackKeySchema } from "@/lib/openapi/repository-schemas";

/**
 * What an admin copies into a repository's secret WEBHOOK_SECRET: its callback key under the current
 * root and, during a rotation's overlap, the key under the previous root that still works until then.
 */
export function repositoryCallbackKeyView(roots: CallbackRoots, repository: string, now: Date): RepositoryCallbackKeyView {
  const previous = roots.previous && now < roots.previous.until ? roots.previous : undefined;
  return {
    repository: repository.toLowerCase(),
    secret_name: "WEBHOOK_SECRET",
    callback_key: repositoryCallbackKey(roots.current, repository),
    previous: previous
      ? { callback_key: repositoryCallbackKey(previous.secret, repository), accepted_until: previous.until.toISOString() }
      : null,
  };
}

export type RepositoryCallbackKeyView = z.output<typeof repositoryCallbackKeySchema>;
