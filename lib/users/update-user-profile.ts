import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { UserDeps } from "./deps";
import type { ProfileInput } from "./profile-input";
import { toUserView } from "./user-view";

/**
 * Changes a person's display name (PATCH /api/v1/me) and announces user.updated with what changed, in the
 * same transaction — `changes` holds each changed field's previous value, as GitHub's own webhooks do.
 * Saving the same name changes nothing and announces nothing.
 */
export async function updateUserProfile(deps: UserDeps, userId: string, input: ProfileInput): Promise<User> {
  const { user, woken } = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) throw notFound("User");
    if (current.name === input.name) return { user: current, woken: [] };
    const [updated] = await tx.update(users).set({ name: input.name }).where(eq(users.id, userId)).returning();
    const woken = await deps.outbox.record(tx, "user.updated", { user: toUserView(updated!), changes: { name: { from: current.name } } });
    return { user: updated!, woken };
  });
  await deps.outbox.wake(woken);
  return user;
}
