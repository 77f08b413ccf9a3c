import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";

import { getConfig } from "@/lib/config";
import { githubUrls } from "@/lib/github/github-urls";

/** OAuth client the simulator accepts in demo mode; the simulator is not reachable from outside this machine. */
export const DEMO_OAUTH_CLIENT = { id: "hooksmith-demo", secret: "hooksmith-demo-secret" };

/**
 * The database-free part of the auth configuration, used by the proxy to read the session cookie.
 * JWT sessions let the proxy check sign-in without a database; pages re-check the user in the database.
 */
export const authConfig = {
  providers: [],
  pages: { signIn: "/signin", error: "/signin" },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
} satisfies NextAuthConfig;

/**
 * GitHub sign-in. Demo mode uses the same provider, pointed at the simulator as at a GitHub Enterprise Server.
 * With ALLOWED_GITHUB_ORGS set it also asks for `read:org`, so an OAuth App's token can read the person's
 * private organisation memberships (a GitHub App's user token ignores scopes: its Members permission decides).
 */
export function githubProvider(readOrgs = false) {
  const config = getConfig();
  const urls = githubUrls(config);
  return GitHub({
    clientId: config.GITHUB_CLIENT_ID ?? DEMO_OAUTH_CLIENT.id,
    clientSecret: config.GITHUB_CLIENT_SECRET ?? DEMO_OAUTH_CLIENT.secret,
    ...(urls.web === "https://github.com" ? {} : { enterprise: { baseUrl: urls.web } }),
    ...(readOrgs && { authorization: { params: { scope: "read:user user:email read:org" } } }),
    // The provider's own mapping plus the login, so a new user is created with it and user.created carries it.
    profile: (profile) => ({
      id: String(profile.id),
      name: profile.name ?? profile.login,
      email: profile.email,
      image: profile.avatar_url,
      login: profile.login.toLowerCase(),
    }),
  });
}
