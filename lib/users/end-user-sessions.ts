import "server-only";

import { eq } from "drizzle-orm";

import { users } from "@/db/schema";
import { recordAuditEvent, type AuditActor, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { found } from "@/lib/errors";

import type { UserDeps } from "./deps";

/**
 * Ends every session a user has now, in every browser (sessions are JWTs: each one that began before this
 * moment is refused from the next request on). Their API tokens are revoked separately.
 */
export async function endUserSessions(
  deps: Pick<UserDeps, "db">,
  input: { userId: string; actor: AuditActor; origin?: RequestOrigin },
): Promise<{ sessions_ended_at: string }> {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ sessionsEndedAt: new Date() }).where(eq(users.id, input.userId)).returning();
    const ended = found(user, "User");
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.sessions_ended",
      target: `user:${ended.id}`,
      details: { login: ended.login },
      ...input.origin,
    });
    return { sessions_ended_at: ended.sessionsEndedAt!.toISOString() };
  });
}
