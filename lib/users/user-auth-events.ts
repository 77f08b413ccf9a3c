import "server-only";

import type { NextAuthConfig } from "next-auth";

import type { SignInDeps } from "./deps";
import { recordAccountLinked } from "./record-account-linked";
import { recordSignIn } from "./record-sign-in";
import { recordUserCreated } from "./record-user-created";

/**
 * next-auth's events wired to the user lifecycle: user.created, user.oauth_linked and user.login.
 * next-auth awaits its events inside the sign-in, so only what sign-in depends on (the role) may throw here;
 * anything else that fails is logged.
 */
export function userAuthEvents(deps: SignInDeps): NonNullable<NextAuthConfig["events"]> {
  const logFailure = (what: string, fields: Record<string, unknown>) => (error: unknown) =>
    deps.log.error(`${what} failed; the sign-in goes on`, { ...fields, error });
  return {
    async createUser({ user }) {
      if (!user.id) return;
      await recordUserCreated(deps, user.id).catch(logFailure("user.created", { user_id: user.id }));
    },
    async linkAccount({ user, account }) {
      if (!user.id) return;
      const input = { userId: user.id, provider: account.provider, providerAccountId: account.providerAccountId };
      await recordAccountLinked(deps, input).catch(logFailure("user.oauth_linked", { user_id: user.id, provider: account.provider }));
    },
    async signIn({ user, account, profile }) {
      const login = typeof profile?.login === "string" ? profile.login : undefined;
      if (!user.id || !login) return;
      const role = await recordSignIn(deps, { userId: user.id, login, account });
      deps.log.info("user signed in", { user_id: user.id, login, role });
    },
  };
}
