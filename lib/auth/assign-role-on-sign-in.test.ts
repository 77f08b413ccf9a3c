import { describe, expect, it } from "vitest";

import { auditLog, users } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";

import { assignRoleOnSignIn } from "./assign-role-on-sign-in";
import { ensureAdminApiToken } from "./ensure-admin-api-token";

const { db } = await setUpTestDatabase();

describe("assignRoleOnSignIn", () => {
  it("with ADMIN_GITHUB_LOGINS set, the list decides, case-insensitively, and demotes people taken off it", async () => {
    const alice = await createUser(db);
    const bob = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: alice.id, login: "Alice", adminLogins: ["alice"] })).toBe("admin");
    expect(await assignRoleOnSignIn(db, { userId: bob.id, login: "bob", adminLogins: ["alice"] })).toBe("member");
    expect(await assignRoleOnSignIn(db, { userId: alice.id, login: "alice", adminLogins: ["carol"] })).toBe("member");
    const changes = await db.select().from(auditLog);
    expect(changes.filter((entry) => entry.target === `user:${alice.id}`).map((entry) => entry.details)).toEqual([
      { from: "member", to: "admin", reason: "ADMIN_GITHUB_LOGINS" },
      { from: "admin", to: "member", reason: "ADMIN_GITHUB_LOGINS" },
    ]);
  });

  it("with the list empty, only the first person in an empty database is admin, and never again after they leave", async () => {
    await db.delete(auditLog);
    await db.delete(users);
    // The automation principal behind ADMIN_API_TOKEN is not a person and does not count.
    await ensureAdminApiToken({ db }, { secret: "automation-token-0123456789-abcdefghijkl" });
    const first = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: first.id, login: "first", adminLogins: [] })).toBe("admin");
    const second = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: second.id, login: "second", adminLogins: [] })).toBe("member");
    expect(await assignRoleOnSignIn(db, { userId: first.id, login: "first", adminLogins: [] })).toBe("admin");

    // The admin leaves, then everyone else: the next person is still a member.
    await db.delete(users);
    const next = await createUser(db);
    expect(await assignRoleOnSignIn(db, { userId: next.id, login: "next", adminLogins: [] })).toBe("member");
  });
});
