import "server-only";

import type { UserRole } from "@/db/schema";

import type { ApiTokenScope } from "./api-token-scopes";

/** Who is calling: a signed-in person (session cookie) or a script (API token). */
export interface Principal {
  userId: string;
  login: string | null;
  name: string | null;
  /** Decided for this request (lib/auth/effective-role.ts), never remembered from sign-in. */
  role: UserRole;
  via: "session" | "token";
  /** With `via: "token"`: which token, what it may do, and until when. */
  token?: { id: string; scope: ApiTokenScope; expiresAt: Date | null };
}
