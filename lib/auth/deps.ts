import "server-only";

import type { Database } from "@/db";

/** What API token writes need: the database. */
export interface ApiTokenDeps {
  db: Database;
}
