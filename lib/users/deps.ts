import "server-only";

import type { Database } from "@/db";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

/** What the account actions need: the database, and the outbox their user.* events go through. */
export interface UserDeps {
  db: Database;
  outbox: Outbox;
}

/** What next-auth's sign-in events need on top: roles from ADMIN_GITHUB_LOGINS, and a log for what must not fail a sign-in. */
export interface SignInDeps extends UserDeps {
  adminLogins: string[];
  log: Logger;
}
