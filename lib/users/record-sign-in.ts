import "server-only";

import { and, eq } from "drizzle-orm";
import type { Account } from "next-auth";

import type { Transaction } from "@/db";
import { accounts, users, type UserRole } from "@/db/schema";
import { assignRoleOnSignIn } from "@/lib/auth/assign-role-on-sign-in";
import type { EventType } from "@/lib/outbound/event-types";
import { withOutbox, type Emit } from "@/lib/outbound/with-outbox";

import type { SignInDeps } from "./deps";
import { credentialsOf, isLinked, toLinkedAccountView, UNLINKED_ACCOUNT_TYPE } from "./linked-accounts";
import { toUserView } from "./user-view";

/**
 * After every GitHub sign-in, in one transaction:
 * 1. if the person had unlinked this very GitHub account (unlink-account.ts), links it again with its new tokens;
 *    else stores the new tokens (next-auth keeps the first sign-in's), which the membership re-checks use;
 * 2. records their login and sets their role (assignRoleOnSignIn), and that the sign-in policy let them in now;
 * 3. announces user.oauth_linked (after 1) and user.login.
 * A failed write fails the sign-in, as it must (a role taken away must not survive it); an event that cannot be
 * recorded is logged and the sign-in goes on: events are recorded in savepoints, so the writes commit without them.
 */
export async function recordSignIn(
  deps: SignInDeps,
  input: { userId: string; login: string; account?: Account | null },
): Promise<UserRole> {
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const relinked = input.account ? await relink(tx, input.userId, input.account) : undefined;
    if (input.account && !relinked) await refreshCredentials(tx, input.userId, input.account);
    const role = await assignRoleOnSignIn(tx, {
      userId: input.userId,
      login: input.login,
      adminLogins: deps.policy.adminLogins,
      origin: deps.origin,
    });
    // The sign-in policy was checked a moment ago (auth-options.ts signIn): live checks count from now.
    await tx.update(users).set({ policyCheckedAt: new Date(), policyRefusal: null }).where(eq(users.id, input.userId));
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user) return role;
    const view = toUserView(user);
    if (relinked) await emitOrLog(tx, emit, deps, "user.oauth_linked", { user: view, account: toLinkedAccountView(relinked) });
    await emitOrLog(tx, emit, deps, "user.login", { user: view });
    return role;
  });
}

/** Gives an unlinked account its credentials back; undefined when the account was not unlinked. */
async function relink(tx: Transaction, userId: string, account: Account) {
  const [relinked] = await tx
    .update(accounts)
    .set({ type: account.type, ...credentialsOf(account) })
    .where(
      and(
        eq(accounts.userId, userId),
        eq(accounts.provider, account.provider),
        eq(accounts.providerAccountId, account.providerAccountId),
        eq(accounts.type, UNLINKED_ACCOUNT_TYPE),
      ),
    )
    .returning();
  return relinked;
}

/** Stores the tokens GitHub just issued on the linked account they came with. */
async function refreshCredentials(tx: Transaction, userId: string, account: Account) {
  await tx
    .update(accounts)
    .set(credentialsOf(account))
    .where(
      and(
        eq(accounts.userId, userId),
        eq(accounts.provider, account.provider),
        eq(accounts.providerAccountId, account.providerAccountId),
        isLinked,
      ),
    );
}

/** Emits in a savepoint of its own, so an event that cannot be recorded is rolled back alone. */
async function emitOrLog(tx: Transaction, emit: Emit, deps: SignInDeps, type: EventType, data: Record<string, unknown>): Promise<void> {
  try {
    await tx.transaction((savepoint) => emit(type, data, { into: savepoint }));
  } catch (error) {
    deps.log.error("sign-in event not recorded; the sign-in goes on", { type, error });
  }
}
