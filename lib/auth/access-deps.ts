import "server-only";

import type { Database } from "@/db";
import type { Logger } from "@/lib/log";

import type { OrgMembershipCheck } from "./github-org-membership";
import type { SignInPolicy } from "./sign-in-policy";

/** What deciding a person's access needs: the database, the configured policy, GitHub's membership answer, a log. */
export interface AccessDeps {
  db: Database;
  policy: SignInPolicy;
  orgMembership: OrgMembershipCheck;
  log: Logger;
}
