import type { DefaultSession } from "next-auth";

import type { UserRole } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      login: string | null;
      role: UserRole;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** When this browser signed in (ms since the epoch); sessions that began before users.sessions_ended_at are over. */
    signedInAt?: number;
  }
}
