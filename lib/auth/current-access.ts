import "server-only";

import { eq } from "drizzle-orm";

import { users, type User, type UserRole } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { githubAccessToken } from "@/lib/users/github-access-token";

import type { AccessDeps } from "./access-deps";
import { effectiveRole } from "./effective-role";
import { AUTOMATION_USER_ID } from "./ensure-admin-api-token";
import { memberOfAny } from "./github-org-membership";
import { policyForLogin } from "./sign-in-policy";

/**
 * What a signed-in person (session or API token) may do on this request, or null when the sign-in policy
 * no longer lets them in. Listed logins are decided from config alone; organisation membership is
 * re-asked of GitHub (with their stored token) once the last answer is older than the recheck interval,
 * and that answer is kept on the user. If GitHub cannot answer, the last answer stands.
 */
export async function currentAccess(deps: AccessDeps, user: User): Promise<{ role: UserRole } | null> {
  if (user.id === AUTOMATION_USER_ID) return { role: "admin" };
  const allowed = await stillAllowed(deps, user);
  return allowed ? { role: effectiveRole(user, deps.policy) } : null;
}

async function stillAllowed(deps: AccessDeps, user: User): Promise<boolean> {
  const byConfig = policyForLogin(deps.policy, user.login ?? "");
  if (byConfig !== "ask_github") return byConfig === "allowed";
  const checkedAt = user.policyCheckedAt?.getTime() ?? 0;
  if (Date.now() - checkedAt < deps.policy.recheckMs) return user.policyRefusal === null;
  const accessToken = await githubAccessToken(deps.db, user.id);
  let refusal: string | null;
  try {
    const answer = accessToken ? await memberOfAny(deps.orgMembership, { accessToken, orgs: deps.policy.allowedOrgs }) : "token_rejected";
    refusal = answer === "member" ? null : answer === "token_rejected" ? "token_rejected" : "not_allowed";
  } catch (error) {
    deps.log.error("organisation membership re-check failed; the last answer stands", { user_id: user.id, error });
    return user.policyRefusal === null && user.policyCheckedAt !== null;
  }
  await deps.db.update(users).set({ policyCheckedAt: new Date(), policyRefusal: refusal }).where(eq(users.id, user.id));
  if (refusal && user.policyRefusal === null) {
    deps.log.warn("access revoked: the sign-in policy no longer lets this person in", {
      user_id: user.id,
      login: user.login,
      reason: refusal,
    });
    await recordAuditEvent(deps.db, {
      actor: { userId: user.id, login: user.login },
      action: "auth.access_revoked",
      target: `user:${user.id}`,
      details: { reason: refusal, orgs: deps.policy.allowedOrgs },
    });
  }
  return refusal === null;
}
