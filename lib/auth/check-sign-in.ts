import "server-only";

import type { AccessDeps } from "./access-deps";
import { memberOfAny } from "./github-org-membership";
import { policyForLogin } from "./sign-in-policy";

/** Why a sign-in was refused; the refused page explains each (app/signin/refused). */
export const SIGN_IN_REFUSALS = ["not_allowed", "token_rejected", "check_failed"] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

/** What GitHub accepts as a login; the refused page shows the login from its URL only if it is one. */
export const GITHUB_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

export type SignInDecision = { allowed: true } | { allowed: false; reason: SignInRefusal };

/**
 * The sign-in policy for someone signing in now: the configured logins, else their organisations,
 * asked of GitHub with the token they just got (fails closed: no answer from GitHub, no sign-in).
 */
export async function checkSignIn(
  deps: Pick<AccessDeps, "policy" | "orgMembership" | "log">,
  input: { login: string; accessToken: string | undefined },
): Promise<SignInDecision> {
  const byConfig = policyForLogin(deps.policy, input.login);
  if (byConfig === "allowed") return { allowed: true };
  if (byConfig === "refused" || !input.accessToken) return { allowed: false, reason: "not_allowed" };
  try {
    const answer = await memberOfAny(deps.orgMembership, { accessToken: input.accessToken, orgs: deps.policy.allowedOrgs });
    if (answer === "member") return { allowed: true };
    return { allowed: false, reason: answer === "token_rejected" ? "token_rejected" : "not_allowed" };
  } catch (error) {
    deps.log.error("organisation membership check failed at sign-in", { login: input.login, error });
    return { allowed: false, reason: "check_failed" };
  }
}
