import "server-only";

import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { UserDeps } from "./deps";
import { toLinkedAccountView } from "./linked-accounts";
import { toUserView } from "./user-view";

/** next-auth has linked an OAuth account to a user (at their first sign-in, or signed in with another account): announces user.oauth_linked. */
export async function recordAccountLinked(
  deps: UserDeps,
  input: { userId: string; provider: string; providerAccountId: string },
): Promise<void> {
  await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (user) await emit("user.oauth_linked", { user: toUserView(user), account: toLinkedAccountView(input) });
  });
}
