import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import { users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { AUTOMATION_USER_ID, ensureAdminApiToken } from "@/lib/auth/ensure-admin-api-token";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createGithubUser, createUser } from "@/test/fixtures";
import { bearer, callRoute, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";
import { userEventsOf, userEventsOutbox } from "@/test/user-events";

import { DELETE, GET, PATCH } from "./route";

const { db } = await setUpTestDatabase();
// The routes' events go to an endpoint subscribed to user.*, so the tests can read them back.
const { outbox } = userEventsOutbox();
const browser = testBrowser();
injectRouteDeps({ ...browser.deps, users: async () => ({ db, outbox }) });
const me = (headers: Record<string, string> = {}) => callRoute(GET, new Request("http://app.test/api/v1/me", { headers }));
/** A JSON request with the given method to /api/v1/me, through `handler`. */
const sendJson = (handler: typeof PATCH, method: string) => (headers: Record<string, string>, body: unknown) =>
  callRoute(
    handler,
    new Request("http://app.test/api/v1/me", {
      method,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const patch = sendJson(PATCH, "PATCH");
const del = sendJson(DELETE, "DELETE");
const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0];

async function withToken() {
  const { user } = await createGithubUser(db);
  const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
  return { user, headers: bearer(secret) };
}

beforeEach(() => browser.signOut.mockClear());

describe("GET /api/v1/me with Authorization: Bearer", () => {
  it("answers the token's owner for a valid token", async () => {
    const user = await createUser(db, { login: "pm-alice" });
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
    const response = await me(bearer(secret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: user.id,
      login: "pm-alice",
      name: "pm-alice",
      email: "pm-alice@users.noreply.github.com",
      role: "member",
      created_at: user.createdAt.toISOString(),
      auth: "token",
    });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("is 401 for a revoked token", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: user.id, name: "old" });
    await revokeApiToken({ db }, { userId: user.id, tokenId: token.id });
    const response = await me(bearer(secret));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "The API token is invalid, expired or revoked, or its owner may no longer sign in" },
    });
  });

  it("is 401 for a wrong token, a malformed header, and no credentials at all", async () => {
    for (const headers of [bearer("hks_wrong"), { authorization: "Basic dXNlcjpwYXNz" }, {}]) {
      const response = await me(headers);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  it("accepts ADMIN_API_TOKEN as an admin", async () => {
    const secret = "bootstrap-admin-token-for-automation-0123";
    await ensureAdminApiToken({ db }, { secret: secret });
    const response = await me(bearer(secret));
    expect(await response.json()).toMatchObject({ id: AUTOMATION_USER_ID, login: null, role: "admin", auth: "token" });
  });
});

describe("PATCH /api/v1/me", () => {
  it("changes the display name, trimmed, with an API token, and announces user.updated with the previous name", async () => {
    const { user, headers } = await withToken();
    const response = await patch(headers, { name: "  Alice Moreau  " });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: user.id, login: user.login, name: "Alice Moreau", auth: "token" });
    expect((await userRow(user.id))!.name).toBe("Alice Moreau");
    expect(await userEventsOf(db, user.id)).toMatchObject([
      { type: "user.updated", data: { user: { id: user.id, name: "Alice Moreau" }, changes: { name: { from: user.login } } } },
    ]);
  });

  it("works with the session cookie from the app's own pages, and refuses it cross-site (403)", async () => {
    const { user } = await createGithubUser(db);
    browser.signInAs(user);
    expect((await patch(sessionHeaders("http://evil.test"), { name: "Forged" })).status).toBe(403);
    const response = await patch(sessionHeaders(), { name: "Signed-in Sam" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "Signed-in Sam", auth: "session" });
    expect((await userEventsOf(db, user.id)).map((event) => event.data)).toMatchObject([{ user: { name: "Signed-in Sam" } }]);
  });

  it("answers 400 for an empty name, one over 100 characters, and any other field, changing nothing", async () => {
    const { user, headers } = await withToken();
    for (const [body, path] of [
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "Eve", role: "admin" }, ""],
      [{}, "name"],
    ] as const) {
      const response = await patch(headers, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "validation_error", details: [{ path }] } });
    }
    expect(await userRow(user.id)).toMatchObject({ name: user.name, role: "member" });
    expect(await userEventsOf(db, user.id)).toEqual([]);
    expect((await patch(headers, { name: "y".repeat(100) })).status).toBe(200);
  });
});

describe("DELETE /api/v1/me", () => {
  it("deletes the signed-in person's account once they type their login, ends the session and announces user.deleted", async () => {
    const { user } = await createGithubUser(db);
    browser.signInAs(user);
    const response = await del(sessionHeaders(), { confirm_login: user.login });
    expect(response.status).toBe(200);
    expect((await response.json()).deleted).toMatchObject({ id: user.id, login: user.login });
    expect(await userRow(user.id)).toBeUndefined();
    expect(browser.signOut).toHaveBeenCalledWith({ redirect: false });
    expect((await userEventsOf(db, user.id)).map((event) => event.type)).toEqual(["user.deleted"]);
  });

  it("is 400 when the confirmation is not the login, and deletes nothing", async () => {
    const { user } = await createGithubUser(db);
    browser.signInAs(user);
    const response = await del(sessionHeaders(), { confirm_login: "not-me" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("confirmation_mismatch");
    expect(await userRow(user.id)).toBeDefined();
    expect(browser.signOut).not.toHaveBeenCalled();
  });

  it("is refused with an API token (403 session_required) and cross-site (403 csrf_rejected)", async () => {
    const { user, headers } = await withToken();
    const byToken = await del(headers, { confirm_login: user.login });
    expect(byToken.status).toBe(403);
    expect((await byToken.json()).error.code).toBe("session_required");
    browser.signInAs(user);
    const crossSite = await del(sessionHeaders("http://evil.test"), { confirm_login: user.login });
    expect((await crossSite.json()).error.code).toBe("csrf_rejected");
    expect(await userRow(user.id)).toBeDefined();
    expect(await userEventsOf(db, user.id)).toEqual([]);
  });
});
