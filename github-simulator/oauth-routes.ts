import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import express, { type Request, type Response, type Router } from "express";

import { DEMO_USERS, GITHUB_LOGIN, simulatedUserId, simulatedUserName } from "./demo-users";
import { githubExample } from "./openapi-examples";
import { sendGithubError, type SimulatorState } from "./simulator-state";

type PrivateUser = components["schemas"]["private-user"];
type Email = components["schemas"]["email"];

interface PendingCode {
  login: string;
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  scope: string;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

/** The cookie that says who is signed in to the simulated github.com (the install page reads it). */
export const SIMULATOR_USER_COOKIE = "simulator_user";

/** Who is signed in to the simulated github.com in this browser, from the cookie the authorize page sets. */
export function signedInLogin(req: Request): string | undefined {
  const pair = (req.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SIMULATOR_USER_COOKIE}=`));
  const login = pair ? decodeURIComponent(pair.slice(SIMULATOR_USER_COOKIE.length + 1)) : "";
  return GITHUB_LOGIN.test(login) ? login.toLowerCase() : undefined;
}

/** The login behind a request's user access token (`Authorization: Bearer gho_…`); else answers 401 as GitHub does. */
export function tokenUser(state: SimulatorState, req: Request, res: Response): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(req.get("authorization") ?? "");
  const login = match ? state.userTokens.get(match[1]!) : undefined;
  if (!login) sendGithubError(res, 401, "Bad credentials");
  return login;
}

/**
 * GitHub's OAuth web flow as github.com serves it: an authorize page (where a person picks or types a
 * simulated user, who is then signed in to the simulated github.com in that browser), the code-for-token
 * exchange, and the authenticated user's profile and emails.
 */
export function addOAuthRoutes(router: Router, state: SimulatorState) {
  const codes = new Map<string, PendingCode>();
  const form = express.urlencoded({ extended: false });

  router.get("/login/oauth/authorize", (req, res) => {
    const query = authorizeQuery(req);
    if (!query) return void res.status(400).type("text").send("client_id and redirect_uri are required");
    res.type("html").send(authorizePage(query));
  });

  router.post("/login/oauth/authorize", form, (req, res) => {
    const query = authorizeQuery(req);
    const login = String(req.body?.login ?? "").trim();
    if (!query) return void res.status(400).type("text").send("client_id and redirect_uri are required");
    if (!GITHUB_LOGIN.test(login)) return void res.status(422).type("html").send(authorizePage(query, login));
    const code = randomBytes(10).toString("hex");
    codes.set(code, {
      login: login.toLowerCase(),
      clientId: query.client_id,
      redirectUri: query.redirect_uri,
      codeChallenge: query.code_challenge,
      // GitHub grants what was asked, comma-separated: read:org lets the token read private memberships.
      scope: (query.scope ?? "read:user user:email")
        .split(/[\s,]+/)
        .filter(Boolean)
        .join(","),
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    res.cookie(SIMULATOR_USER_COOKIE, login.toLowerCase(), { httpOnly: true, sameSite: "lax", path: "/" });
    const target = new URL(query.redirect_uri);
    target.searchParams.set("code", code);
    if (query.state) target.searchParams.set("state", query.state);
    res.redirect(302, target.toString());
  });

  router.post("/login/oauth/access_token", form, express.json(), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const clientId = body.client_id ?? basicAuthUser(req);
    const pending = body.code ? codes.get(body.code) : undefined;
    if (body.code) codes.delete(body.code); // single use, as on GitHub
    const valid =
      pending &&
      pending.expiresAt > Date.now() &&
      pending.clientId === clientId &&
      (!body.redirect_uri || body.redirect_uri === pending.redirectUri) &&
      verifyPkce(pending.codeChallenge, body.code_verifier);
    if (!valid) {
      // GitHub answers 200 with an error object for a bad code.
      return void res.json({
        error: "bad_verification_code",
        error_description: "The code passed is incorrect or expired.",
        error_uri:
          "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
      });
    }
    const accessToken = `gho_${randomBytes(18).toString("base64url")}`;
    state.userTokens.set(accessToken, pending.login);
    res.json({ access_token: accessToken, token_type: "bearer", scope: pending.scope });
  });

  const authenticated = (req: Request, res: Response) => tokenUser(state, req, res);

  router.get("/api/v3/user", (req, res) => {
    const login = authenticated(req, res);
    if (login) res.json(simulatedUser(login));
  });

  router.get("/api/v3/user/emails", (req, res) => {
    const login = authenticated(req, res);
    if (!login) return;
    const [template] = githubExample<Email[]>("email-items-2");
    res.json([{ ...template, email: emailOf(login), primary: true, verified: true, visibility: "public" }]);
  });
}

function emailOf(login: string) {
  return `${login}@users.noreply.github.com`;
}

/** GitHub's own example of GET /user, with this simulated person's identity. */
export function simulatedUser(login: string): PrivateUser {
  const user = githubExample<PrivateUser>("private-user-response-with-public-and-private-profile-information");
  const id = simulatedUserId(login);
  return {
    ...user,
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString("base64"),
    name: simulatedUserName(login) ?? login,
    email: emailOf(login),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: `https://github.com/${login}`,
    url: `https://api.github.com/users/${login}`,
  };
}

interface AuthorizeQuery {
  client_id: string;
  redirect_uri: string;
  state?: string;
  scope?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

function authorizeQuery(req: Request): AuthorizeQuery | undefined {
  const source = { ...(req.query as Record<string, unknown>), ...((req.body as Record<string, unknown>) ?? {}) };
  const pick = (key: string) => (typeof source[key] === "string" && source[key] !== "" ? (source[key] as string) : undefined);
  const clientId = pick("client_id");
  const redirectUri = pick("redirect_uri");
  if (!clientId || !redirectUri || !URL.canParse(redirectUri)) return undefined;
  return {
    client_id: clientId,
    redirect_uri: redirectUri,
    state: pick("state"),
    scope: pick("scope"),
    code_challenge: pick("code_challenge"),
    code_challenge_method: pick("code_challenge_method"),
  };
}

function basicAuthUser(req: Request): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(req.get("authorization") ?? "");
  if (!match) return undefined;
  return decodeURIComponent(Buffer.from(match[1]!, "base64").toString("utf8").split(":")[0] ?? "");
}

function verifyPkce(challenge: string | undefined, verifier: string | undefined): boolean {
  if (!challenge) return true;
  if (!verifier) return false;
  const expected = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const given = Buffer.from(challenge);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Text and attribute values for the simulator's HTML pages. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function authorizePage(query: AuthorizeQuery, invalidLogin?: string): string {
  const hidden = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<input type="hidden" name="${key}" value="${escapeHtml(String(value))}">`)
    .join("");
  const choices = DEMO_USERS.map(
    (user) =>
      `<button type="submit" name="login" value="${user.login}" class="user"><b>${user.login}</b><span>${escapeHtml(user.name)}</span></button>`,
  ).join("");
  const error =
    invalidLogin !== undefined ? `<p class="error" role="alert">“${escapeHtml(invalidLogin)}” is not a valid GitHub login.</p>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize application · GitHub simulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f6f8fa;color:#1f2328;display:flex;justify-content:center;padding:48px 16px;margin:0}
main{background:#fff;border:1px solid #d0d7de;border-radius:12px;max-width:420px;width:100%;padding:28px}
h1{font-size:20px;margin:0 0 4px}p{color:#59636e;font-size:14px}
.user{display:flex;justify-content:space-between;width:100%;padding:12px 14px;margin:8px 0;border:1px solid #d0d7de;border-radius:8px;background:#fff;font-size:14px;cursor:pointer}
.user:hover{background:#f3f4f6}.user span{color:#59636e}
label{display:block;font-size:14px;margin-top:20px;font-weight:600}
.row{display:flex;gap:8px;margin-top:6px}input[type=text]{flex:1;padding:8px;border:1px solid #d0d7de;border-radius:6px;font-size:14px}
.go{background:#1f883d;color:#fff;border:0;border-radius:6px;padding:8px 14px;font-weight:600;cursor:pointer}
.badge{display:inline-block;font-size:12px;background:#fff8c5;border:1px solid #d4a72c;border-radius:999px;padding:2px 8px;margin-bottom:12px}
.error{color:#d1242f}
</style></head><body><main>
<span class="badge">GitHub simulator</span>
<h1>Authorize Hooksmith</h1>
<p>Choose the simulated GitHub user to sign in as. Nothing here talks to github.com.</p>
<form method="post" action="/login/oauth/authorize">${hidden}
${choices}
</form>
<form method="post" action="/login/oauth/authorize">${hidden}
<label for="login">Or type any GitHub login</label>
<div class="row"><input id="login" type="text" name="login" placeholder="e.g. hubot" autocomplete="off" value="${escapeHtml(invalidLogin ?? "")}"><button class="go" type="submit">Authorize</button></div>
${error}
</form>
</main></body></html>`;
}
