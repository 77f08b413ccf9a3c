import "server-only";

import { and, eq } from "drizzle-orm";

import { accounts, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { UserDeps } from "./deps";
import { credentialsOf, isLinked, toLinkedAccountView, UNLINKED_ACCOUNT_TYPE, type LinkedAccountView } from "./linked-accounts";
import { toUserView } from "./user-view";

/**
 * Unlinks the user's accounts at a provider (DELETE /api/v1/me/accounts/{provider}) and announces
 * user.oauth_unlinked for each, in the same transaction.
 *
 * GitHub is the only way to sign in, so unlinking it is a sign-out that also forgets the credentials:
 * 1. each account row loses its tokens and is marked unlinked, but keeps which GitHub account it was;
 * 2. with no linked account left, every session of the user ends (findSessionUser);
 * 3. the next sign-in with that same GitHub account links it again, to the same user (recordSignIn).
 * Deleting the row instead would lock the person out: signing in with a GitHub account the adapter does not
 * know, whose email an existing user has, is refused (OAuthAccountNotLinked). Keeping the identity also means
 * no other GitHub account can take the user over.
 */
export async function unlinkAccount(
  deps: UserDeps,
  userId: string,
  provider: string,
): Promise<{ unlinked: LinkedAccountView[]; signedOut: boolean }> {
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("User");
    const rows = await tx
      .update(accounts)
      .set({ type: UNLINKED_ACCOUNT_TYPE, ...credentialsOf(null) })
      .where(and(eq(accounts.userId, userId), eq(accounts.provider, provider), isLinked))
      .returning();
    if (rows.length === 0) throw notFound(`A linked ${provider} account`);
    for (const row of rows) await emit("user.oauth_unlinked", { user: toUserView(user), account: toLinkedAccountView(row) });
    const stillLinked = await tx.$count(accounts, and(eq(accounts.userId, userId), isLinked));
    return { unlinked: rows.map(toLinkedAccountView), signedOut: stillLinked === 0 };
  });
}
