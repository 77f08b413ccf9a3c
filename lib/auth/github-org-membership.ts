import "server-only";

/**
 * Whether the person behind a GitHub user token is an active member of an organisation:
 * `member`, `not_member`, or `token_rejected` (GitHub no longer accepts the token: they must sign in again).
 */
export type OrgMembershipCheck = (input: { accessToken: string; org: string }) => Promise<"member" | "not_member" | "token_rejected">;

const TIMEOUT_MS = 10_000;

/**
 * Asks GitHub `GET /user/memberships/orgs/{org}` with the person's own token: 200 with `state: "active"`
 * is a member (a pending invitation is not); 404 or 403 is not a member (or the org does not let this
 * App see it). OAuth App tokens need the `read:org` scope, GitHub App user tokens the App's
 * "Members: read" organisation permission. Anything else (5xx, network) throws: the caller keeps its
 * last decision rather than locking people out during a GitHub outage.
 */
export function githubOrgMembership(apiUrl: () => string): OrgMembershipCheck {
  return async ({ accessToken, org }) => {
    const response = await fetch(`${apiUrl()}/user/memberships/orgs/${encodeURIComponent(org)}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" },
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 401) return "token_rejected";
    if (response.status === 404 || response.status === 403) return "not_member";
    if (!response.ok) throw new Error(`GitHub answered ${response.status} to GET /user/memberships/orgs/${org}`);
    const membership = (await response.json()) as { state?: string };
    return membership.state === "active" ? "member" : "not_member";
  };
}

/** Whether the token's owner is an active member of any of `orgs`. */
export async function memberOfAny(
  check: OrgMembershipCheck,
  input: { accessToken: string; orgs: string[] },
): Promise<"member" | "not_member" | "token_rejected"> {
  for (const org of input.orgs) {
    const answer = await check({ accessToken: input.accessToken, org });
    if (answer !== "not_member") return answer;
  }
  return "not_member";
}
