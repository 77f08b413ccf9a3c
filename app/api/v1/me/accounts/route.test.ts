import { beforeEach, describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createGithubUser } from "@/test/fixtures";
import { bearer, callRoute, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";
import { userEventsOf, userEventsOutbox } from "@/test/user-events";

import { DELETE } from "./[provider]/route";
import { GET } from "./route";

const { db } = await setUpTestDatabase();
const { outbox } = userEventsOutbox();
const browser = testBrowser();
injectRouteDeps({ ...browser.deps, users: async () => ({ db, outbox }) });
const list = async (headers: Record<string, string>) =>
  (await (await callRoute(GET, new Request("http://app.test/api/v1/me/accounts", { headers }))).json()).data;
const unlink = (provider: string, headers: Record<string, string>) =>
  callRoute(DELETE, new Request(`http://app.test/api/v1/me/accounts/${provider}`, { method: "DELETE", headers }), { provider });

beforeEach(() => browser.signOut.mockClear());

describe("/api/v1/me/accounts", () => {
  it("GET lists the linked accounts, never their tokens", async () => {
    const { user, providerAccountId } = await createGithubUser(db);
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
    const data = await list(bearer(secret));
    expect(data).toEqual([{ provider: "github", provider_account_id: providerAccountId }]);
  });

  it("DELETE /github unlinks it for the signed-in person, signs them out and announces user.oauth_unlinked", async () => {
    const { user, providerAccountId } = await createGithubUser(db);
    browser.signInAs(user);
    const response = await unlink("github", sessionHeaders());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unlinked: [{ provider: "github", provider_account_id: providerAccountId }], signed_out: true });
    expect(browser.signOut).toHaveBeenCalledWith({ redirect: false });
    expect(await list(sessionHeaders())).toEqual([]);
    expect(await userEventsOf(db, user.id)).toMatchObject([
      {
        type: "user.oauth_unlinked",
        data: { user: { id: user.id, login: user.login }, account: { provider: "github", provider_account_id: providerAccountId } },
      },
    ]);
  });

  it("DELETE is 404 for a provider with no linked account, 403 with an API token or cross-site, and changes nothing then", async () => {
    const { user, providerAccountId } = await createGithubUser(db);
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
    browser.signInAs(user);
    const unknown = await unlink("gitlab", sessionHeaders());
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    expect((await (await unlink("github", bearer(secret))).json()).error.code).toBe("session_required");
    expect((await (await unlink("github", sessionHeaders("http://evil.test"))).json()).error.code).toBe("csrf_rejected");
    expect(await list(bearer(secret))).toEqual([{ provider: "github", provider_account_id: providerAccountId }]);
    expect(browser.signOut).not.toHaveBeenCalled();
    expect(await userEventsOf(db, user.id)).toEqual([]);
  });
});
