import "server-only";

import { z } from "zod";

import type { GithubEventHandler } from "../processed-webhook";
import { itemSchema, recordItemEvent } from "./record-item-event";

const pullRequestPayload = z.object({ action: z.string(), pull_request: itemSchema });

/** A pull request of a tracked project changed: its open/closed state and a line in the project's updates. */
export const handlePullRequest: GithubEventHandler = (deps, event) =>
  recordItemEvent(deps, event, "pull_request", (payload) => {
    const data = pullRequestPayload.parse(payload);
    return { action: data.action, item: data.pull_request };
  });
