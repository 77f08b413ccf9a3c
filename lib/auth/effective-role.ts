import "server-only";

import type { User, UserRole } from "@/db/schema";

import { AUTOMATION_USER_ID } from "./ensure-admin-api-token";
import type { SignInPolicy } from "./sign-in-policy";

/**
 * A person's role for this request: with ADMIN_GITHUB_LOGINS set, the list decides (taking a login off
 * it demotes every live session and token at once); with it empty, the role stored at sign-in (the
 * first-admin rule). The ADMIN_API_TOKEN principal is always admin.
 */
export function effectiveRole(user: Pick<User, "id" | "login" | "role">, policy: Pick<SignInPolicy, "adminLogins">): UserRole {
  if (user.id === AUTOMATION_USER_ID) return "admin";
  if (policy.adminLogins.length === 0) return user.role;
  return user.login && policy.adminLogins.includes(user.login) ? "admin" : "member";
}
