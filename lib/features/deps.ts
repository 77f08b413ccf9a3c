import "server-only";

import type { Database } from "@/db";
import type { Outbox } from "@/lib/outbound/outbox";

/** What feature writes need: the database, WEBHOOK_SECRET (each feature's callback key derives from it) and the outbox for feature.* events. */
export interface FeatureDeps {
  db: Database;
  webhookSecret: string;
  outbox: Outbox;
}
