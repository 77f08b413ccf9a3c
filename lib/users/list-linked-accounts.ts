import "server-only";

import { and, asc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { accounts } from "@/db/schema";

import { isLinked, toLinkedAccountView, type LinkedAccountView } from "./linked-accounts";

/** The user's linked accounts, by provider. */
export async function listLinkedAccounts(db: Database, userId: string): Promise<LinkedAccountView[]> {
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), isLinked))
    .orderBy(asc(accounts.provider), asc(accounts.providerAccountId));
  return rows.map(toLinkedAccountView);
}
