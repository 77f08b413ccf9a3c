import "server-only";

import type { Database } from "@/db";
import type { Config } from "@/lib/config";
import { githubUrls } from "@/lib/github/github-urls";
import type { Logger } from "@/lib/log";

import type { AccessDeps } from "./access-deps";
import { githubOrgMembership } from "./github-org-membership";
import { signInPolicyOf } from "./sign-in-policy";

/** Access decisions wired to this process: its configuration (read per call) and GitHub (or the simulator). */
export function accessDeps(db: Database, config: Config, log: Logger): AccessDeps {
  return { db, policy: signInPolicyOf(config), orgMembership: githubOrgMembership(() => githubUrls(config).api), log };
}
