import "server-only";

import type { Database } from "@/db";
import type { Outbox } from "@/lib/outbound/outbox";

/** What feature writes need: the database and the outbox for feature.* events. */
export interface FeatureDeps {
  db: Database;
  outbox: Outbox;
}
