import type { Database } from "@/db";
import { accounts, users, type UserRole } from "@/db/schema";

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

/** A user with their GitHub account linked, as a first sign-in leaves them (tokens included). */
export async function createGithubUser(db: Database, input: { login?: string; role?: UserRole } = {}) {
  const user = await createUser(db, input);
  const providerAccountId = String(100_000 + ++counter);
  await db.insert(accounts).values({
    userId: user.id,
    type: "oauth",
    provider: "github",
    providerAccountId,
    access_token: `gho_test${providerAccountId}`,
    token_type: "bearer",
    scope: "read:user,user:email",
  });
  return { user, providerAccountId };
}
