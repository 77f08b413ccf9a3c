import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startGithubSimulator, type GithubSimulator } from "./start-github-simulator";

let simulator: GithubSimulator;
beforeAll(async () => {
  simulator = await startGithubSimulator();
});
afterAll(() => simulator.close());

const verifier = "a-code-verifier-that-is-long-enough-for-pkce-0123456789";
const challenge = createHash("sha256").update(verifier).digest("base64url");
const client = { client_id: "hooksmith-demo", redirect_uri: "http://127.0.0.1:9/api/auth/callback/github" };

async function authorize(login: string): Promise<URL> {
  const response = await fetch(`${simulator.url}/login/oauth/authorize`, {
    method: "POST",
    body: new URLSearchParams({ ...client, state: "st4te", code_challenge: challenge, code_challenge_method: "S256", login }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

async function exchange(body: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${simulator.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", ...headers },
    body: new URLSearchParams(body),
  });
  return (await response.json()) as { access_token?: string; error?: string };
}

describe("GitHub simulator OAuth", () => {
  it("GET /login/oauth/authorize shows the simulated users to pick from", async () => {
    const response = await fetch(`${simulator.url}/login/oauth/authorize?${new URLSearchParams({ ...client, state: "s" })}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Authorize Hooksmith");
    expect(html).toContain("pm-alice");
  });

  it("authorize → code → token (client_secret_basic, PKCE) → GET /api/v3/user as that person", async () => {
    const redirect = await authorize("Hubot");
    expect(`${redirect.origin}${redirect.pathname}`).toBe(client.redirect_uri);
    expect(redirect.searchParams.get("state")).toBe("st4te");
    const code = redirect.searchParams.get("code")!;

    const basic = `Basic ${Buffer.from("hooksmith-demo:hooksmith-demo-secret").toString("base64")}`;
    const token = await exchange(
      { grant_type: "authorization_code", code, redirect_uri: client.redirect_uri, code_verifier: verifier },
      { authorization: basic },
    );
    expect(token.access_token).toMatch(/^gho_/);

    const user = await fetch(`${simulator.apiUrl}/user`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(user.status).toBe(200);
    expect(await user.json()).toMatchObject({ login: "hubot", type: "User", email: "hubot@users.noreply.github.com" });

    const emails = await fetch(`${simulator.apiUrl}/user/emails`, { headers: { authorization: `token ${token.access_token}` } });
    expect(await emails.json()).toEqual([expect.objectContaining({ email: "hubot@users.noreply.github.com", primary: true })]);
  });

  it("refuses a reused code and a wrong PKCE verifier, as GitHub does", async () => {
    const code = (await authorize("pm-alice")).searchParams.get("code")!;
    const wrongVerifier = await exchange({ ...client, code, code_verifier: "not-the-verifier" });
    expect(wrongVerifier.error).toBe("bad_verification_code");
    // The failed attempt used the code up.
    const reused = await exchange({ ...client, code, code_verifier: verifier });
    expect(reused.error).toBe("bad_verification_code");
  });

  it("GET /api/v3/user without a valid token is 401 Bad credentials", async () => {
    const response = await fetch(`${simulator.apiUrl}/user`, { headers: { authorization: "Bearer gho_unknown" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "Bad credentials" });
  });
});
