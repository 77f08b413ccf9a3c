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
