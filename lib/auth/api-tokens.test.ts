import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { apiTokens } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";

import { hashApiTokenSecret } from "./api-token-secret";
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { AUTOMATION_LOGIN, ensureAdminApiToken } from "./ensure-admin-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

const { db } = await setUpTestDatabase();

describe("personal API tokens", () => {
  it("are stored as a hash only, and the secret authenticates as its owner", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "ci" });
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(hashApiTokenSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(token).not.toHaveProperty("tokenHash");

    const principal = await authenticateApiToken(db, secret);
    expect(principal).toMatchObject({ userId: user.id, login: user.login, role: "member", via: "token", tokenId: token.id });
    const [used] = await listApiTokens(db, user.id);
    expect(used!.last_used_at).not.toBeNull();
  });

  it("stop authenticating once revoked; revoking again keeps the first time", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "old" });
    const revoked = await revokeApiToken({ db }, { userId: user.id, tokenId: token.id });
    expect(revoked.revoked_at).not.toBeNull();
    expect(await authenticateApiToken(db, secret)).toBeNull();
    expect((await revokeApiToken({ db }, { userId: user.id, tokenId: token.id })).revoked_at).toBe(revoked.revoked_at);
  });

  it("cannot be revoked by someone else (404, as if it did not exist)", async () => {
    const owner = await createUser(db);
    const stranger = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: owner.id, name: "mine" });
    await expect(revokeApiToken({ db }, { userId: stranger.id, tokenId: token.id })).rejects.toMatchObject({ status: 404 });
    expect(await authenticateApiToken(db, secret)).not.toBeNull();
  });

  it("an unknown secret authenticates nobody", async () => {
    expect(await authenticateApiToken(db, "hks_not-a-real-token")).toBeNull();
  });
});

describe("ensureAdminApiToken", () => {
  it("makes ADMIN_API_TOKEN an admin token, and rotating it revokes the previous value", async () => {
    const first = "first-admin-token-0123456789-abcdefghij";
    const second = "second-admin-token-0123456789-abcdefghij";
    await ensureAdminApiToken({ db }, { secret: first });
    await ensureAdminApiToken({ db }, { secret: first }); // every start runs it
    expect(await authenticateApiToken(db, first)).toMatchObject({ login: AUTOMATION_LOGIN, role: "admin" });

    await ensureAdminApiToken({ db }, { secret: second });
    expect(await authenticateApiToken(db, second)).toMatchObject({ role: "admin" });
    expect(await authenticateApiToken(db, first)).toBeNull();
  });
});
