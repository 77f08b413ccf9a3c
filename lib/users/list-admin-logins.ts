import "server-only";

import { and, asc, eq, isNotNull } from "drizzle-orm";

import type { Database } from "@/db";
import { users } from "@/db/schema";

/** The admins' GitHub logins: whom a member asks to install the App or change its repositories. */
export async function listAdminLogins(db: Database): Promise<string[]> {
  const rows = await db
    .select({ login: users.login })
    .from(users)
    .where(and(eq(users.role, "admin"), isNotNull(users.login)))
    .orderBy(asc(users.login));
  return rows.map((row) => row.login!);
}
