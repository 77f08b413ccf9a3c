import "server-only";

import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { assignRoleOnSignIn } from "@/lib/auth/assign-role-on-sign-in";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { SignInDeps } from "./deps";
import { toUserView } from "./user-view";

/**
 * next-auth has just created a user at their first GitHub sign-in: gives them their role at once, so that
 * user.created tells the truth, and announces user.created in the same transaction.
 */
export async function recordUserCreated(deps: Pick<SignInDeps, "db" | "outbox" | "policy" | "origin">, userId: string): Promise<void> {
  await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [created] = await tx.select().from(users).where(eq(users.id, userId));
    if (!created) return;
    const role = created.login
      ? await assignRoleOnSignIn(tx, { userId, login: created.login, adminLogins: deps.policy.adminLogins, origin: deps.origin })
      : created.role;
    await emit("user.created", { user: toUserView({ ...created, role }) });
  });
}
