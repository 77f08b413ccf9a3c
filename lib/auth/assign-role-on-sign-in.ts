import "server-only";

import { and, eq, ne, sql } from "drizzle-orm";

import type { Executor } from "@/db";
import { auditLog, users, type UserRole } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";

import { AUTOMATION_USER_ID } from "./ensure-admin-api-token";

/**
 * Records the GitHub login of a user who just signed in and sets their stored role:
 * with ADMIN_GITHUB_LOGINS set, the list decides (and demotes people taken off it);
 * with it empty, the first person to sign in to an empty database becomes admin — only once: not again
 * when that admin leaves (the grant is kept in the audit log), and not while anyone else has an account.
 * A changed role is recorded in the audit log. Given a transaction, it runs inside it (a savepoint).
 */
export async function assignRoleOnSignIn(
  db: Executor,
  input: { userId: string; login: string; adminLogins: string[]; origin?: RequestOrigin },
): Promise<UserRole> {
  const login = input.login.toLowerCase();
  return db.transaction(async (tx) => {
    // Serialises first sign-ins so two simultaneous first users cannot both become admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hooksmith:first-admin'))`);
    const [self] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
    const previous = self?.role ?? "member";
    let role: UserRole;
    let reason: string;
    if (input.adminLogins.length > 0) {
      role = input.adminLogins.includes(login) ? "admin" : "member";
      reason = "ADMIN_GITHUB_LOGINS";
    } else {
      const [someoneElse] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(ne(users.id, input.userId), ne(users.id, AUTOMATION_USER_ID)))
        .limit(1);
      const [granted] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, "user.role_changed"), sql`${auditLog.details}->>'reason' = 'first_person'`))
        .limit(1);
      const first = !someoneElse && !granted;
      role = first ? "admin" : previous;
      reason = "first_person";
    }
    await tx.update(users).set({ login, role }).where(eq(users.id, input.userId));
    if (role !== previous) {
      await recordAuditEvent(tx, {
        actor: { userId: input.userId, login },
        action: "user.role_changed",
        target: `user:${input.userId}`,
        details: { from: previous, to: role, reason },
        ...input.origin,
      });
    }
    return role;
  });
}
