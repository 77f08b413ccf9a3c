import "server-only";

import { and, eq, exists } from "drizzle-orm";

import type { Database } from "@/db";
import { accounts, users, type User } from "@/db/schema";

import { isLinked } from "./linked-accounts";

/**
 * The user a session cookie stands for, or null. Sessions are JWTs that cannot be revoked, so this is what
 * ends them: a user who was deleted or has no linked account left (unlinked) has no session anywhere.
 */
export async function findSessionUser(db: Database, userId: string): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        exists(
          db
            .select({ userId: accounts.userId })
            .from(accounts)
            .where(and(eq(accounts.userId, users.id), isLinked)),
        ),
      ),
    );
  return user ?? null;
}
