import NextAuth from "next-auth";

import { getDb } from "@/db";
import { authOptions } from "@/lib/auth/auth-options";
import { accessDeps } from "@/lib/auth/default-access-deps";
import { getConfig } from "@/lib/config";
import { requestOrigin } from "@/lib/http/request-origin";
import { log } from "@/lib/log";
import { defaultOutbox } from "@/lib/outbound/default-deps";

/** Full auth, wired to this process: its database, its outbound webhooks, the sign-in policy and roles from config. */
export const { handlers, auth, signIn, signOut } = NextAuth(async (req) => ({
  ...authOptions({
    ...accessDeps(await getDb(), getConfig(), log),
    outbox: defaultOutbox(log),
    origin: req ? requestOrigin(req.headers) : undefined,
  }),
}));
