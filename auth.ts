import NextAuth from "next-auth";

import { getDb } from "@/db";
import { authOptions } from "@/lib/auth/auth-options";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { defaultOutbox } from "@/lib/outbound/default-deps";

/** Full auth, wired to this process: its database, its outbound webhooks, ADMIN_GITHUB_LOGINS. */
export const { handlers, auth, signIn, signOut } = NextAuth(async () =>
  authOptions({ db: await getDb(), outbox: defaultOutbox(log), adminLogins: getConfig().ADMIN_GITHUB_LOGINS, log }),
);
