import "server-only";

import { authenticateApiToken } from "@/lib/auth/authenticate-api-token";
import type { Principal } from "@/lib/auth/principal";
import { unauthorized } from "@/lib/errors";

import type { RouteDeps } from "./route-deps";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Who sent this request: `Authorization: Bearer <token>` (scripts, CI) or the session cookie (the UI).
 * A malformed or unknown bearer token is refused outright rather than falling back to the cookie.
 */
export async function authenticateRequest(req: Request, deps: Pick<RouteDeps, "db" | "session">): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must be `Bearer <token>`");
    const principal = await authenticateApiToken(await deps.db(), match[1]!);
    if (!principal) throw unauthorized("The API token is invalid or has been revoked");
    return principal;
  }
  const cookies = req.headers.get("cookie") ?? "";
  if (!SESSION_COOKIES.some((name) => cookies.includes(name))) return null;
  const session = await deps.session();
  if (!session?.user?.id) return null;
  const { id, login, name, role } = session.user;
  return { userId: id, login, name: name ?? null, role, via: "session" };
}
