import "server-only";

import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";

import { authConfig, githubProvider } from "@/auth.config";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { SignInDeps } from "@/lib/users/deps";
import { findSessionUser } from "@/lib/users/find-session-user";
import { userAuthEvents } from "@/lib/users/user-auth-events";

/** Full auth: the shared config plus the database (users, accounts), roles and the user.* events of sign-in. */
export function authOptions(deps: SignInDeps): NextAuthConfig {
  const adapter = DrizzleAdapter(deps.db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...authConfig,
    providers: [githubProvider()],
    adapter: {
      ...adapter,
      // next-auth links a new OAuth account to whoever the session cookie names: only someone who still has a session counts.
      getUser: async (id) => (await findSessionUser(deps.db, id)) as AdapterUser | null,
    },
    events: userAuthEvents(deps),
    callbacks: {
      /** The token holds only the user id; name and role are read fresh so a change applies at once, and a deleted or unlinked user has no session. */
      async session({ session, token }) {
        const user = token.sub ? await findSessionUser(deps.db, token.sub) : null;
        if (!user) return { ...session, user: undefined as never };
        return {
          ...session,
          user: {
            ...session.user,
            id: user.id,
            name: user.name,
            email: user.email ?? "",
            image: user.image,
            login: user.login,
            role: user.role,
          },
        };
      },
    },
  };
}
