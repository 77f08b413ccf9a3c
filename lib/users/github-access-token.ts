import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { accounts } from "@/db/schema";

import { isLinked } from "./linked-accounts";

/** The GitHub user access token of a user's linked account, as their latest sign-in stored it; null if none. */
export async function githubAccessToken(db: Database, userId: string): Promise<string | null> {
  const [account] = await db
    .select({ accessToken: accounts.access_token })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, "github"), isLinked));
  return account?.accessToken ?? null;
}
