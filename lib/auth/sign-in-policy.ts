import "server-only";

import type { Config } from "@/lib/config";

/** Who may sign in and who is admin, as configured: read from config on every request, so a change applies at once. */
export interface SignInPolicy {
  /** ADMIN_GITHUB_LOGINS: when set, exactly these logins are admins (and they may always sign in). */
  adminLogins: string[];
  /** ALLOWED_GITHUB_ORGS: members of any of these organisations may sign in (checked through the GitHub API). */
  allowedOrgs: string[];
  /** ALLOWED_GITHUB_LOGINS: these people may sign in whatever their organisations. */
  allowedLogins: string[];
  /** How long an organisation check holds before a live session or token is checked again. */
  recheckMs: number;
}

export function signInPolicyOf(
  config: Pick<Config, "ADMIN_GITHUB_LOGINS" | "ALLOWED_GITHUB_ORGS" | "ALLOWED_GITHUB_LOGINS" | "SIGN_IN_POLICY_RECHECK_SECONDS">,
): SignInPolicy {
  return {
    adminLogins: config.ADMIN_GITHUB_LOGINS,
    allowedOrgs: config.ALLOWED_GITHUB_ORGS,
    allowedLogins: config.ALLOWED_GITHUB_LOGINS,
    recheckMs: config.SIGN_IN_POLICY_RECHECK_SECONDS * 1000,
  };
}

/**
 * What the configuration alone says about a login: `allowed` (no policy set — demo mode or
 * ALLOW_ANY_GITHUB_USER — or the login is listed), `refused` (listed logins only, and this is not one), or
 * `ask_github` (its organisations decide).
 */
export function policyForLogin(policy: SignInPolicy, login: string): "allowed" | "refused" | "ask_github" {
  const name = login.toLowerCase();
  if (policy.allowedOrgs.length === 0 && policy.allowedLogins.length === 0) return "allowed";
  if (policy.allowedLogins.includes(name) || policy.adminLogins.includes(name)) return "allowed";
  return policy.allowedOrgs.length > 0 ? "ask_github" : "refused";
}
