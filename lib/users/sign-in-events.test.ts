import { and, eq, sql } from "drizzle-orm";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { accounts, auditLog, users } from "@/db/schema";
import { simulatedUserId } from "@/github-simulator/demo-users";
import { authOptions } from "@/lib/auth/auth-options";
import { githubOrgMembership } from "@/lib/auth/github-org-membership";
import type { SignInPolicy } from "@/lib/auth/sign-in-policy";
import { createLogger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";
import { setUpTestDatabase } from "@/test/database";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { userEventsOf, userEventsOutbox } from "@/test/user-events";

import { endUserSessions } from "./end-user-sessions";
import { unlinkAccount } from "./unlink-account";
import { updateUserProfile } from "./update-user-profile";

const { db } = await setUpTestDatabase();
const github = await startTestGithub();
installAsProcessGithub(github);

const APP = "http://app.test";
const { outbox } = userEventsOutbox();
const errors: { msg: string; fields: Record<string, unknown> }[] = [];
const log = {
  ...createLogger({ test: true }),
  error: (msg: string, fields: Record<string, unknown> = {}) => void errors.push({ msg, fields }),
};

/** The app's auth, on this test's database and outbox, as next-auth serves it under /api/auth. */
function appAuth(options: { outbox?: Outbox; policy?: Partial<SignInPolicy> } = {}) {
  const config = authOptions({
    db,
    outbox: options.outbox ?? outbox,
    policy: { adminLogins: ["ops-admin"], allowedOrgs: [], allowedLogins: [], recheckMs: 3_600_000, ...options.policy },
    orgMembership: githubOrgMembership(() => github.simulator.apiUrl),
    log,
    origin: { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (test)" },
  });
  return NextAuth({ ...config, secret: "test-auth-secret-0123456789abcdefghijkl", trustHost: true }).handlers;
}

/** A browser's cookies for the app: what next-auth sets, sent back on every request. */
function browser() {
  const cookies = new Map<string, string>();
  return {
    headers: () => ({ cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") }),
    keep(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
        const name = pair.slice(0, pair.indexOf("="));
        const value = pair.slice(pair.indexOf("=") + 1);
        const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute)) || value === "";
        if (expired) cookies.delete(name);
        else cookies.set(name, value);
      }
      return response;
    },
  };
}
type Browser = ReturnType<typeof browser>;

/** Signs in with GitHub as a person does: starts at the app, picks `login` on the simulator's authorize page, comes back. */
async function signInWithGithub(login: string, as: Browser = browser(), handlers = appAuth()) {
  const csrf = as.keep(await handlers.GET(new NextRequest(`${APP}/api/auth/csrf`, { headers: as.headers() })));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = as.keep(
    await handlers.POST(
      new NextRequest(`${APP}/api/auth/signin/github`, {
        method: "POST",
        headers: { ...as.headers(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/features` }),
      }),
    ),
  );
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.origin).toBe(github.simulator.url);
  const picked = await fetch(`${github.simulator.url}/login/oauth/authorize`, {
    method: "POST",
    body: new URLSearchParams([...authorize.searchParams, ["login", login]]),
    redirect: "manual",
  });
  const back = as.keep(await handlers.GET(new NextRequest(picked.headers.get("location")!, { headers: as.headers() })));
  return { browser: as, location: back.headers.get("location") };
}

/** The session next-auth answers this browser with: its user, or none. */
async function sessionOf(as: Browser, handlers = appAuth()) {
  const response = await handlers.GET(new NextRequest(`${APP}/api/auth/session`, { headers: as.headers() }));
  return ((await response.json()) as { user?: { id: string; login: string; name: string; role: string } } | null)?.user;
}

const userByLogin = async (login: string) => (await db.select().from(users).where(eq(users.login, login)))[0]!;
const githubAccountsOf = (userId: string) =>
  db
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, "github")));

describe("GitHub sign-in through next-auth and the drizzle adapter", () => {
  it("a first sign-in creates the user and announces user.created (with login and role), user.oauth_linked, user.login — never a token", async () => {
    const { browser: alice, location } = await signInWithGithub("ops-admin");
    expect(location).toBe(`${APP}/features`);
    const user = await userByLogin("ops-admin");
    expect(await sessionOf(alice)).toMatchObject({ id: user.id, login: "ops-admin", role: "admin" });

    const events = await userEventsOf(db, user.id);
    expect(events.map((event) => event.type)).toEqual(["user.created", "user.oauth_linked", "user.login"]);
    const view = {
      id: user.id,
      login: "ops-admin",
      name: "ops-admin",
      email: "ops-admin@users.noreply.github.com",
      role: "admin",
      created_at: user.createdAt.toISOString(),
    };
    expect(events[0]!.data).toEqual({ user: view });
    expect(events[1]!.data).toEqual({
      user: view,
      account: { provider: "github", provider_account_id: String(simulatedUserId("ops-admin")) },
    });
    expect(events[2]!.data).toEqual({ user: view });
    const [account] = await githubAccountsOf(user.id);
    expect(account!.access_token).toMatch(/^gho_/);
    expect(JSON.stringify(events)).not.toContain(account!.access_token);
  });

  it("a later sign-in announces user.login only", async () => {
    await signInWithGithub("dev-bob");
    const bob = await userByLogin("dev-bob");
    await signInWithGithub("dev-bob");
    expect((await userEventsOf(db, bob.id)).map((event) => event.type)).toEqual([
      "user.created",
      "user.oauth_linked",
      "user.login",
      "user.login",
    ]);
  });

  it("after unlinking GitHub the person is signed out everywhere; signing in with the same GitHub account links it again, to the same user", async () => {
    const { browser: carol } = await signInWithGithub("carol-unlinks");
    const before = await userByLogin("carol-unlinks");
    await updateUserProfile({ db, outbox }, before.id, { name: "Carol Unlinks" });

    expect(await unlinkAccount({ db, outbox }, before.id, "github")).toEqual({
      unlinked: [{ provider: "github", provider_account_id: String(simulatedUserId("carol-unlinks")) }],
      signedOut: true,
    });
    const [unlinked] = await githubAccountsOf(before.id);
    expect(unlinked).toMatchObject({ type: "unlinked", access_token: null, token_type: null, scope: null });
    expect(await sessionOf(carol)).toBeUndefined();

    // From another browser, with no session at all: only the GitHub account itself identifies her.
    const { browser: elsewhere, location } = await signInWithGithub("carol-unlinks");
    expect(location).toBe(`${APP}/features`);
    expect(await sessionOf(elsewhere)).toMatchObject({ id: before.id, name: "Carol Unlinks" });
    const [relinked] = await githubAccountsOf(before.id);
    expect(relinked).toMatchObject({ type: "oauth", providerAccountId: String(simulatedUserId("carol-unlinks")) });
    expect(relinked!.access_token).toMatch(/^gho_/);
    expect(await db.$count(users, eq(users.login, "carol-unlinks"))).toBe(1);
    expect((await userEventsOf(db, before.id)).map((event) => event.type)).toEqual([
      "user.created",
      "user.oauth_linked",
      "user.login",
      "user.updated",
      "user.oauth_unlinked",
      "user.oauth_linked",
      "user.login",
    ]);
  });

  it("the stale session cookie of an unlinked user does not link another GitHub account to that user", async () => {
    const { browser: shared } = await signInWithGithub("dave-unlinks");
    const dave = await userByLogin("dave-unlinks");
    await unlinkAccount({ db, outbox }, dave.id, "github");

    await signInWithGithub("erin-next", shared);
    const erin = await userByLogin("erin-next");
    expect(erin.id).not.toBe(dave.id);
    expect(await sessionOf(shared)).toMatchObject({ id: erin.id });
    expect((await githubAccountsOf(dave.id)).map((account) => account.type)).toEqual(["unlinked"]);
  });

  it("an event that cannot be recorded is logged, and the sign-in still completes with the role set", async () => {
    // Fails in the database, as a failed insert would: the statement aborts the transaction it runs in.
    const broken: Outbox = { record: async (tx) => (await tx.execute(sql`select 1 / 0`), []), wake: async () => {} };
    errors.length = 0;
    const { browser: frank, location } = await signInWithGithub(
      "frank-unlucky",
      browser(),
      appAuth({ outbox: broken, policy: { adminLogins: ["frank-unlucky"] } }),
    );
    expect(location).toBe(`${APP}/features`);
    expect(await sessionOf(frank, appAuth({ policy: { adminLogins: ["frank-unlucky"] } }))).toMatchObject({
      login: "frank-unlucky",
      role: "admin",
    });
    expect(errors.map((error) => error.msg)).toEqual([
      "user.created failed; the sign-in goes on",
      "user.oauth_linked failed; the sign-in goes on",
      "sign-in event not recorded; the sign-in goes on",
    ]);
  });
});

describe("the sign-in policy and roles, on sign-in and on every session read", () => {
  const acme = { allowedOrgs: ["acme"] };

  it("with ALLOWED_GITHUB_ORGS=acme, a non-member is refused (no user, audited with where from); once GitHub lists them in acme, they get in", async () => {
    const handlers = appAuth({ policy: acme });
    const { browser: outsider, location } = await signInWithGithub("org-outsider", browser(), handlers);
    expect(new URL(location!, APP).pathname).toBe("/signin/refused");
    expect(Object.fromEntries(new URL(location!, APP).searchParams)).toEqual({ reason: "not_allowed", login: "org-outsider" });
    expect(await sessionOf(outsider, handlers)).toBeUndefined();
    expect(await db.select().from(users).where(eq(users.login, "org-outsider"))).toEqual([]);
    const [refused] = await db.select().from(auditLog).where(eq(auditLog.target, "github_user:org-outsider"));
    expect(refused).toMatchObject({
      action: "auth.sign_in_refused",
      actorLogin: "org-outsider",
      actorUserId: null,
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (test)",
      details: { reason: "not_allowed" },
    });

    github.simulator.state.setOrgMember("acme", "org-outsider", true);
    const { browser: member, location: home } = await signInWithGithub("org-outsider", browser(), handlers);
    expect(home).toBe(`${APP}/features`);
    expect(await sessionOf(member, handlers)).toMatchObject({ login: "org-outsider", role: "member" });
  });

  it("ALLOWED_GITHUB_LOGINS lets exactly those logins in, without asking GitHub", async () => {
    const handlers = appAuth({ policy: { allowedLogins: ["listed-lena"] } });
    expect((await signInWithGithub("listed-lena", browser(), handlers)).location).toBe(`${APP}/features`);
    expect((await signInWithGithub("unlisted-ulf", browser(), handlers)).location).toContain("/signin/refused?reason=not_allowed");
  });

  it("a live session follows config at once: demoted off ADMIN_GITHUB_LOGINS, or taken off the allowed logins", async () => {
    const { browser: gina } = await signInWithGithub("gina-admin", browser(), appAuth({ policy: { adminLogins: ["gina-admin"] } }));
    expect(await sessionOf(gina, appAuth({ policy: { adminLogins: ["gina-admin"] } }))).toMatchObject({ role: "admin" });
    expect(await sessionOf(gina, appAuth({ policy: { adminLogins: ["someone-else"] } }))).toMatchObject({ role: "member" });
    expect(await sessionOf(gina, appAuth({ policy: { allowedLogins: ["someone-else"] } }))).toBeUndefined();
  });

  it("a member who leaves the org loses their live session at the next re-check", async () => {
    github.simulator.state.setOrgMember("acme", "hank-leaves", true);
    const { browser: hank } = await signInWithGithub("hank-leaves", browser(), appAuth({ policy: acme }));
    github.simulator.state.setOrgMember("acme", "hank-leaves", false);
    expect(await sessionOf(hank, appAuth({ policy: acme }))).toMatchObject({ login: "hank-leaves" }); // checked at sign-in
    expect(await sessionOf(hank, appAuth({ policy: { ...acme, recheckMs: 0 } }))).toBeUndefined();
    expect((await userByLogin("hank-leaves")).policyRefusal).toBe("not_allowed");
  });

  it("ending a user's sessions signs every browser out; signing in again starts a new session", async () => {
    const { browser: first } = await signInWithGithub("ivy-ended");
    const ivy = await userByLogin("ivy-ended");
    await endUserSessions({ db }, { userId: ivy.id, actor: { userId: null, login: "ops-admin" } });
    expect(await sessionOf(first)).toBeUndefined();
    const [ended] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `user:${ivy.id}`));
    expect(ended).toMatchObject({ action: "user.sessions_ended", actorLogin: "ops-admin" });
    const { browser: again } = await signInWithGithub("ivy-ended");
    expect(await sessionOf(again)).toMatchObject({ login: "ivy-ended" });
  });
});
