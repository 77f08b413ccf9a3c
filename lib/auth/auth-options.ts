import "server-only";

import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";

import { authConfig, githubProvider } from "@/auth.config";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SignInDeps } from "@/lib/users/deps";
import { findSessionUser } from "@/lib/users/find-session-user";
import { userAuthEvents } from "@/lib/users/user-auth-events";

import { checkSignIn } from "./check-sign-in";
import { currentAccess } from "./current-access";

/** Where a refused person lands: a page that says why and whom to ask. */
export const REFUSED_PAGE = "/signin/refused";

/** Full auth: the shared config plus the database (users, accounts), the sign-in policy, roles and the user.* events of sign-in. */
export function authOptions(deps: SignInDeps): NextAuthConfig {
  const adapter = DrizzleAdapter(deps.db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...authConfig,
    providers: [githubProvider(deps.policy.allowedOrgs.length > 0)],
    adapter: {
      ...adapter,
      // next-auth links a new OAuth account to whoever the session cookie names: only someone who still has a session counts.
      getUser: async (id) => (await findSessionUser(deps.db, id)) as AdapterUser | null,
    },
    events: userAuthEvents(deps),
    callbacks: {
      /** The sign-in policy (ALLOWED_GITHUB_ORGS / ALLOWED_GITHUB_LOGINS), before any user is created or signed in. */
      async signIn({ account, profile }) {
        const login = typeof profile?.login === "string" ? profile.login.toLowerCase() : "";
        const decision = await checkSignIn(deps, { login, accessToken: account?.access_token });
        if (decision.allowed) return true;
        deps.log.warn("sign-in refused by the sign-in policy", { login, reason: decision.reason, ip: deps.origin?.ip });
        await recordAuditEvent(deps.db, {
          actor: { userId: null, login: login || null },
          action: "auth.sign_in_refused",
          target: login ? `github_user:${login}` : null,
          details: { reason: decision.reason },
          ...deps.origin,
        }).catch((error: unknown) => deps.log.error("refused sign-in not recorded in the audit log", { login, error }));
        return `${REFUSED_PAGE}?${new URLSearchParams({ reason: decision.reason, login })}`;
      },
      /** When this browser signed in: an admin ending the user's sessions ends every session that began before. */
      jwt({ token, user }) {
        if (user) token.signedInAt = Date.now();
        return token;
      },
      /**
       * The token holds only the user id and sign-in time; name and role are read fresh so a change applies at once
       * (roles from ADMIN_GITHUB_LOGINS, the sign-in policy re-checked), and a deleted, unlinked or ended user has no session.
       */
      async session({ session, token }) {
        const user = token.sub ? await findSessionUser(deps.db, token.sub) : null;
        const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
        const ended = user?.sessionsEndedAt && signedInAt <= user.sessionsEndedAt.getTime();
        const access = user && !ended ? await currentAccess(deps, user) : null;
        if (!user || !access) return { ...session, user: undefined as never };
        return {
          ...session,
          user: {
            ...session.user,
            id: user.id,
            name: user.name,
            email: user.email ?? "",
            image: user.image,
            login: user.login,
            role: access.role,
          },
        };
      },
    },
  };
}
