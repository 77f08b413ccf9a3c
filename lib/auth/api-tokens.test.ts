import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { apiTokens, auditLog, users } from "@/db/schema";
import { createLogger } from "@/lib/log";
import { setUpTestDatabase } from "@/test/database";
import { createGithubUser, createUser } from "@/test/fixtures";

import type { AccessDeps } from "./access-deps";
import { hashApiTokenSecret } from "./api-token-secret";
import { authenticateApiToken } from "./authenticate-api-token";
import { createApiToken } from "./create-api-token";
import { AUTOMATION_USER_ID, ensureAdminApiToken } from "./ensure-admin-api-token";
import type { OrgMembershipCheck } from "./github-org-membership";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import type { SignInPolicy } from "./sign-in-policy";

const { db } = await setUpTestDatabase();

/** Access decided by `policy` (nothing set: anyone), with GitHub answering `membership`. */
function access(policy: Partial<SignInPolicy> = {}, membership: OrgMembershipCheck = async () => "member"): AccessDeps {
  return {
    db,
    policy: { adminLogins: [], allowedOrgs: [], allowedLogins: [], recheckMs: 3_600_000, ...policy },
    orgMembership: membership,
    log: createLogger({ test: true }),
  };
}

describe("personal API tokens", () => {
  it("are stored as a hash only, and the secret authenticates as its owner", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "ci" });
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(hashApiTokenSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(token).not.toHaveProperty("tokenHash");

    const principal = await authenticateApiToken(access(), secret);
    expect(principal).toMatchObject({ userId: user.id, login: user.login, role: "member", via: "token" });
    expect(principal!.token).toEqual({ id: token.id, scope: "write", expiresAt: null });
    const [used] = await listApiTokens(db, user.id);
    expect(used!.last_used_at).not.toBeNull();
  });

  it("stop authenticating once revoked; revoking again keeps the first time; the revocation is audited", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "old" });
    const revoked = await revokeApiToken(
      { db },
      { userId: user.id, login: user.login, tokenId: token.id, origin: { ip: "10.0.0.9", userAgent: "curl/8" } },
    );
    expect(revoked.revoked_at).not.toBeNull();
    expect(await authenticateApiToken(access(), secret)).toBeNull();
    expect((await revokeApiToken({ db }, { userId: user.id, tokenId: token.id })).revoked_at).toBe(revoked.revoked_at);
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `api_token:${token.id}`));
    expect(entries).toEqual([
      expect.objectContaining({ action: "api_token.revoked", actorLogin: user.login, ip: "10.0.0.9", userAgent: "curl/8" }),
    ]);
  });

  it("cannot be revoked by someone else (404, as if it did not exist), but an admin can revoke any", async () => {
    const owner = await createUser(db);
    const stranger = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: owner.id, name: "mine" });
    await expect(revokeApiToken({ db }, { userId: stranger.id, tokenId: token.id })).rejects.toMatchObject({ status: 404 });
    expect(await authenticateApiToken(access(), secret)).not.toBeNull();
    await revokeApiToken({ db }, { userId: stranger.id, tokenId: token.id, anyOwner: true });
    expect(await authenticateApiToken(access(), secret)).toBeNull();
  });

  it("an unknown secret authenticates nobody", async () => {
    expect(await authenticateApiToken(access(), "hks_not-a-real-token")).toBeNull();
  });

  it("stop authenticating when they expire", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "short", expiresAt: new Date(Date.now() + 60_000) });
    expect(token.expires_at).not.toBeNull();
    expect(await authenticateApiToken(access(), secret)).not.toBeNull();
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(apiTokens.id, token.id));
    expect(await authenticateApiToken(access(), secret)).toBeNull();
    await expect(createApiToken({ db }, { userId: user.id, name: "past", expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("cannot mint more powerful tokens: a read-only token no read-write one, an expiring token none that outlives it", async () => {
    const user = await createUser(db);
    const soon = new Date(Date.now() + 60_000);
    const reader = { id: "t1", scope: "read" as const, expiresAt: null };
    const expiring = { id: "t2", scope: "write" as const, expiresAt: soon };
    await expect(createApiToken({ db }, { userId: user.id, name: "x", mintedBy: reader })).rejects.toMatchObject({
      status: 403,
      code: "token_escalation",
    });
    await expect(createApiToken({ db }, { userId: user.id, name: "x", mintedBy: expiring })).rejects.toMatchObject({
      status: 403,
      code: "token_escalation",
    });
    const later = new Date(soon.getTime() + 1000);
    await expect(createApiToken({ db }, { userId: user.id, name: "x", mintedBy: expiring, expiresAt: later })).rejects.toMatchObject({
      status: 403,
    });
    const { token } = await createApiToken({ db }, { userId: user.id, name: "ok", mintedBy: expiring, expiresAt: soon, scope: "read" });
    expect(token).toMatchObject({ scope: "read", expires_at: soon.toISOString() });
  });
});

describe("roles and the sign-in policy on every token request", () => {
  it("a demoted admin's token loses admin at once: ADMIN_GITHUB_LOGINS is read per request, not at sign-in", async () => {
    const admin = await createUser(db, { login: "ops-demoted", role: "admin" });
    const { secret } = await createApiToken({ db }, { userId: admin.id, name: "ops" });
    expect(await authenticateApiToken(access({ adminLogins: ["ops-demoted"] }), secret)).toMatchObject({ role: "admin" });
    expect(await authenticateApiToken(access({ adminLogins: ["someone-else"] }), secret)).toMatchObject({ role: "member" });
  });

  it("a login taken off ALLOWED_GITHUB_LOGINS stops its tokens at once", async () => {
    const user = await createUser(db, { login: "leaver" });
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "ci" });
    expect(await authenticateApiToken(access({ allowedLogins: ["leaver"] }), secret)).not.toBeNull();
    expect(await authenticateApiToken(access({ allowedLogins: ["stayer"] }), secret)).toBeNull();
  });

  it("re-checks organisation membership once the last check is older than the interval, and audits the revocation", async () => {
    const { user } = await createGithubUser(db, { login: "org-leaver" });
    await db.update(users).set({ policyCheckedAt: new Date() }).where(eq(users.id, user.id));
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "ci" });
    const asked: string[] = [];
    let answer: "member" | "not_member" = "member";
    const github: OrgMembershipCheck = async ({ org }) => {
      asked.push(org);
      return answer;
    };
    const policy = { allowedOrgs: ["acme"], recheckMs: 60_000 };
    expect(await authenticateApiToken(access(policy, github), secret)).not.toBeNull();
    expect(asked).toEqual([]); // checked at sign-in a moment ago

    answer = "not_member";
    await db
      .update(users)
      .set({ policyCheckedAt: new Date(Date.now() - 61_000) })
      .where(eq(users.id, user.id));
    expect(await authenticateApiToken(access(policy, github), secret)).toBeNull();
    expect(asked).toEqual(["acme"]);
    expect(await authenticateApiToken(access(policy, github), secret)).toBeNull();
    expect(asked).toEqual(["acme"]); // the refusal is remembered until the next re-check
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `user:${user.id}`));
    expect(entry).toMatchObject({ action: "auth.access_revoked", details: { reason: "not_allowed", orgs: ["acme"] } });
  });

  it("keeps the last answer when GitHub cannot be asked", async () => {
    const { user } = await createGithubUser(db, { login: "outage" });
    await db
      .update(users)
      .set({ policyCheckedAt: new Date(Date.now() - 120_000) })
      .where(eq(users.id, user.id));
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "ci" });
    const down: OrgMembershipCheck = async () => {
      throw new Error("GitHub answered 503");
    };
    expect(await authenticateApiToken(access({ allowedOrgs: ["acme"], recheckMs: 60_000 }, down), secret)).not.toBeNull();
  });
});

describe("ensureAdminApiToken", () => {
  it("makes ADMIN_API_TOKEN an admin token, and rotating it revokes the previous value", async () => {
    const first = "first-admin-token-0123456789-abcdefghij";
    const second = "second-admin-token-0123456789-abcdefghij";
    await ensureAdminApiToken({ db }, { secret: first });
    await ensureAdminApiToken({ db }, { secret: first }); // every start runs it
    expect(await authenticateApiToken(access({ adminLogins: ["somebody"] }), first)).toMatchObject({
      userId: AUTOMATION_USER_ID,
      role: "admin",
    });

    await ensureAdminApiToken({ db }, { secret: second });
    expect(await authenticateApiToken(access(), second)).toMatchObject({ role: "admin" });
    expect(await authenticateApiToken(access(), first)).toBeNull();
  });

  it("cannot be squatted: a GitHub user who registers the automation's old login gains nothing", async () => {
    const secret = "squat-proof-admin-token-0123456789-abcdef";
    const { user: squatter } = await createGithubUser(db, { login: "hooksmith-automation" });
    await ensureAdminApiToken({ db }, { secret });
    const principal = await authenticateApiToken(access(), secret);
    expect(principal).toMatchObject({ userId: AUTOMATION_USER_ID, login: null, role: "admin" });
    const [after] = await db.select().from(users).where(eq(users.id, squatter.id));
    expect(after!.role).toBe("member");
    const owned = await db.select().from(apiTokens).where(eq(apiTokens.userId, squatter.id));
    expect(owned).toEqual([]);
  });
});
