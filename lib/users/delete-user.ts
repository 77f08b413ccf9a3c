import "server-only";

import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { UserDeps } from "./deps";
import { scrubPersonalData } from "./scrub-personal-data";
import { toUserView, type UserView } from "./user-view";

/**
 * Deletes a person's account (DELETE /api/v1/me) once they confirm it by typing their login, and announces
 * user.deleted with the user as they were, in the same transaction. Their linked accounts, sessions and API
 * tokens go with the row (cascades), which ends every session (findSessionUser); features and projects they
 * created stay, no longer attributed. Their login, name and email are scrubbed from the stored payloads no
 * longer needed for delivery (scrubPersonalData); the user.deleted event itself carries them until delivered.
 */
export async function deleteUser(deps: UserDeps, userId: string, input: { confirmLogin: string }): Promise<UserView> {
  return withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("User");
    const login = user.login ?? user.id;
    if (input.confirmLogin.trim().toLowerCase() !== login.toLowerCase()) {
      throw new AppError(400, "confirmation_mismatch", `Type your login, ${login}, to confirm that the account is to be deleted`);
    }
    await tx.delete(users).where(eq(users.id, userId));
    await scrubPersonalData(tx, user);
    const deleted = toUserView(user);
    await emit("user.deleted", { user: deleted });
    return deleted;
  });
}
