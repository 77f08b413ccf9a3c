import "server-only";

import type { Database } from "@/db";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import type { AccessDeps } from "@/lib/auth/access-deps";
import type { Outbox } from "@/lib/outbound/outbox";

/** What the account actions need: the database, and the outbox their user.* events go through. */
export interface UserDeps {
  db: Database;
  outbox: Outbox;
}

/**
 * What next-auth's sign-in needs on top: the sign-in policy and roles from config, GitHub's membership
 * answers, a log for what must not fail a sign-in, and where the request came from (for the audit log).
 */
export interface SignInDeps extends UserDeps, Omit<AccessDeps, "db"> {
  origin?: RequestOrigin;
}
