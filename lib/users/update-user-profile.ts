import "server-only";

import { eq } from "drizzle-orm";

import { users, type User } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { UserDeps } from "./deps";
import type { ProfileInput } from "./profile-input";
import { toUserView } from "./user-view";

/**
 * Changes a person's display name (PATCH /api/v1/me) and announces user.updated with what changed, in the
 * same transaction — `changes` holds each changed field's previous value, as GitHub's own webhooks do.
 * Saving the same name changes nothing and announces nothing.
 */
export async function updateUserProfile(deps: UserDeps, userId: string, input: ProfileInput): Promise<User> {
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) throw notFound("User");
    if (current.name === input.name) return current;
    const [updated] = await tx.update(users).set({ name: input.name }).where(eq(users.id, userId)).returning();
    await emit("user.updated", { user: toUserView(updated!), changes: { name: { from: current.name } } });
    return updated!;
  });
}
