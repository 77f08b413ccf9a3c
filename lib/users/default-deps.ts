import "server-only";

import { getDb } from "@/db";
import { log as rootLog, type Logger } from "@/lib/log";
import { defaultOutbox } from "@/lib/outbound/default-deps";

import type { UserDeps } from "./deps";

/** The account actions wired to this process: its database and its outbound webhooks. */
export async function defaultUserDeps(log: Logger = rootLog): Promise<UserDeps> {
  return { db: await getDb(), outbox: defaultOutbox(log) };
}
