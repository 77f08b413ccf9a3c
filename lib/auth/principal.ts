import "server-only";

import type { UserRole } from "@/db/schema";

/** Who is calling: a signed-in person (session cookie) or a script (API token). */
export interface Principal {
  userId: string;
  login: string | null;
  name: string | null;
  role: UserRole;
  via: "session" | "token";
  tokenId?: string;
}
