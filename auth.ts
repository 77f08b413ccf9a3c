import NextAuth from "next-auth";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { authConfig, githubProvider } from "@/auth.config";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { assignRoleOnSignIn } from "@/lib/auth/assign-role-on-sign-in";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";

/** Full auth: the shared config plus the database (users, accounts) and roles. */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...authConfig,
    providers: [githubProvider()],
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    events: {
      async signIn({ user, profile }) {
        const login = typeof profile?.login === "string" ? profile.login : undefined;
        if (!user.id || !login) return;
        const role = await assignRoleOnSignIn(db, { userId: user.id, login, adminLogins: getConfig().ADMIN_GITHUB_LOGINS });
        log.info("user signed in", { user_id: user.id, login, role });
      },
    },
    callbacks: {
      /** The token holds only the user id; name and role are read fresh so a role change applies at once. */
      async session({ session, token }) {
        const [user] = token.sub ? await db.select().from(users).where(eq(users.id, token.sub)) : [];
        if (!user) return { ...session, user: undefined as never };
        return {
          ...session,
          user: { ...session.user, id: user.id, name: user.name, email: user.email ?? "", image: user.image, login: user.login, role: user.role },
        };
      },
    },
  };
});
