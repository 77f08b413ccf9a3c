import "server-only";

import { handleInstallation } from "./handlers/installation";
import { handleInstallationRepositories } from "./handlers/installation-repositories";
import { handleIssues } from "./handlers/issues";
import { handlePing } from "./handlers/ping";
import { handlePullRequest } from "./handlers/pull-request";
import { handlePush } from "./handlers/push";
import { handleWorkflowRun } from "./handlers/workflow-run";
import type { GithubEventHandler } from "./processed-webhook";

/** The GitHub event types we act on (X-GitHub-Event → handler); every other type is recorded as ignored. */
export const GITHUB_EVENT_HANDLERS: Readonly<Record<string, GithubEventHandler | undefined>> = {
  ping: handlePing,
  installation: handleInstallation,
  installation_repositories: handleInstallationRepositories,
  push: handlePush,
  pull_request: handlePullRequest,
  issues: handleIssues,
  workflow_run: handleWorkflowRun,
};
