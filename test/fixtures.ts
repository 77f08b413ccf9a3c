import type { Database } from "@/db";
import { users, type UserRole } from "@/db/schema";

let counter = 0;

/** A user as GitHub sign-in would have created it. */
export async function createUser(db: Database, input: { login?: string; role?: UserRole } = {}) {
  const login = input.login ?? `user-${process.pid}-${++counter}`;
  const [user] = await db
    .insert(users)
    .values({ login, name: login, email: `${login}@users.noreply.github.com`, role: input.role ?? "member" })
    .returning();
  return user!;
}
