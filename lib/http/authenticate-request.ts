import "server-only";

import { authenticateApiToken } from "@/lib/auth/authenticate-api-token";
import { accessDeps } from "@/lib/auth/default-access-deps";
import type { Principal } from "@/lib/auth/principal";
import { unauthorized } from "@/lib/errors";
import type { Logger } from "@/lib/log";

import type { RouteDeps } from "./route-deps";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Who sent this request: `Authorization: Bearer <token>` (scripts, CI) or the session cookie (the UI).
 * A malformed or unknown bearer token is refused outright rather than falling back to the cookie.
 * Either way the role and the sign-in policy are decided now, from config (the session callback does it for cookies).
 */
export async function authenticateRequest(
  req: Request,
  deps: Pick<RouteDeps, "db" | "session" | "config">,
  log: Logger,
): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must be `Bearer <token>`");
    const principal = await authenticateApiToken(accessDeps(await deps.db(), deps.config(), log), match[1]!);
    if (!principal) throw unauthorized("The API token is invalid, expired or revoked, or its owner may no longer sign in");
    return principal;
  }
  const cookies = req.headers.get("cookie") ?? "";
  if (!SESSION_COOKIES.some((name) => cookies.includes(name))) return null;
  const session = await deps.session();
  if (!session?.user?.id) return null;
  const { id, login, name, role } = session.user;
  return { userId: id, login, name: name ?? null, role, via: "session" };
}
