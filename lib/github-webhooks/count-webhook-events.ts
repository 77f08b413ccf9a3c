import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents } from "@/db/schema";

/** How many inbound events the log holds. */
export const countWebhookEvents = async (db: Database) => (await db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents))[0]!.n;
