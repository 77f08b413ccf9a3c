import "server-only";

import { z } from "zod";

import type { WebhookEvent } from "@/db/schema";
import { findProjectByRepository } from "@/lib/projects/find-project";
import { PROJECT_ITEM_STATES, type ProjectItemKind } from "@/lib/projects/project-item-enums";
import { recordProjectItem } from "@/lib/projects/record-project-item";

import type { GithubWebhookDeps } from "../deps";
import { ignored, processed, type ProcessedWebhook } from "../processed-webhook";

// Some events omit an issue's state (pinned, unpinned): those keep the state we last saw, or open.
export const itemSchema = z.object({
  number: z.number(),
  title: z.string(),
  state: z.enum(PROJECT_ITEM_STATES).default("open"),
  updated_at: z.string(),
});
const repositoryOnly = z.object({ repository: z.object({ full_name: z.string() }).nullish() });

/** What pull_request and issues share: the item's latest state on a tracked project, or ignored for an untracked repository. */
export async function recordItemEvent(
  deps: Pick<GithubWebhookDeps, "db">,
  event: WebhookEvent,
  kind: ProjectItemKind,
  parse: (payload: unknown) => { action: string; item: z.output<typeof itemSchema> },
): Promise<ProcessedWebhook> {
  const repository = repositoryOnly.parse(event.payload).repository?.full_name;
  const project = repository ? await findProjectByRepository(deps.db, repository) : undefined;
  if (!project) return ignored("repository not tracked");
  const { action, item } = parse(event.payload);
  await recordProjectItem(deps, {
    projectId: project.id,
    kind,
    ...item,
    action,
    updatedAt: new Date(item.updated_at),
    deliveryId: event.webhookId,
  });
  return processed(`${kind} #${item.number} ${action}`);
}
