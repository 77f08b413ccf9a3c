import "server-only";

import { z } from "zod";

import type { GithubEventHandler } from "../processed-webhook";
import { itemSchema, recordItemEvent } from "./record-item-event";

const issuePayload = z.object({ action: z.string(), issue: itemSchema });

/** An issue of a tracked project changed: its open/closed state and a line in the project's updates. */
export const handleIssues: GithubEventHandler = (deps, event) =>
  recordItemEvent(deps, event, "issue", (payload) => {
    const data = issuePayload.parse(payload);
    return { action: data.action, item: data.issue };
  });
