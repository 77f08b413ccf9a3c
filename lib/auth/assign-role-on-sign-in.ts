import "server-only";

import { and, eq, ne, sql } from "drizzle-orm";

import type { Executor } from "@/db";
import { users, type UserRole } from "@/db/schema";

import { AUTOMATION_LOGIN } from "./ensure-admin-api-token";

/**
 * Records the GitHub login of a user who just signed in and sets their role:
 * with ADMIN_GITHUB_LOGINS set, the list decides (and demotes people taken off it);
 * with it empty, the first person to sign in becomes admin.
 * Given a transaction, it runs inside it (a savepoint), so the caller can record events with it.
 */
export async function assignRoleOnSignIn(db: Executor, input: { userId: string; login: string; adminLogins: string[] }): Promise<UserRole> {
  const login = input.login.toLowerCase();
  return db.transaction(async (tx) => {
    // Serialises first sign-ins so two simultaneous first users cannot both become admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hooksmith:first-admin'))`);
    let role: UserRole;
    if (input.adminLogins.length > 0) {
      role = input.adminLogins.includes(login) ? "admin" : "member";
    } else {
      const [admin] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), ne(users.id, input.userId), ne(users.login, AUTOMATION_LOGIN)))
        .limit(1);
      const [self] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
      role = admin ? (self?.role ?? "member") : "admin";
    }
    await tx.update(users).set({ login, role }).where(eq(users.id, input.userId));
    return role;
  });
}
