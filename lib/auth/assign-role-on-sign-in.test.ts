import { ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { users } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";

import { assignRoleOnSignIn } from "./assign-role-on-sign-in";
import { AUTOMATION_LOGIN, ensureAdminApiToken } from "./ensure-admin-api-token";

const { db } = await setUpTestDatabase();

describe("assignRoleOnSignIn", () => {
  it("with ADMIN_GITHUB_LOGINS set, the list decides, case-insensitively, and demotes people taken off it", async () => {
    const alice = await createUser(db);
    const bob = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: alice.id, login: "Alice", adminLogins: ["alice"] })).toBe("admin");
    expect(await assignRoleOnSignIn(db, { userId: bob.id, login: "bob", adminLogins: ["alice"] })).toBe("member");
    expect(await assignRoleOnSignIn(db, { userId: alice.id, login: "alice", adminLogins: ["carol"] })).toBe("member");
  });

  it("with the list empty, the first person to sign in is admin and later ones are members", async () => {
    // The automation principal behind ADMIN_API_TOKEN is not a person and does not count.
    await ensureAdminApiToken({ db }, { secret: "automation-token-0123456789-abcdefghijkl" });
    await db.delete(users).where(ne(users.login, AUTOMATION_LOGIN));
    const first = await createUser(db);
    const second = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: first.id, login: "first", adminLogins: [] })).toBe("admin");
    expect(await assignRoleOnSignIn(db, { userId: second.id, login: "second", adminLogins: [] })).toBe("member");
    expect(await assignRoleOnSignIn(db, { userId: first.id, login: "first", adminLogins: [] })).toBe("admin");
  });
});
