import type { Session } from "next-auth";
import { vi } from "vitest";

import type { User } from "@/db/schema";

/**
 * A browser's sign-in as route handlers see it, to hand them through `injectRouteDeps(browser.deps)`:
 * `signInAs(user)` makes `user` the person behind the session cookie (test/http.ts `sessionHeaders`),
 * and `signOut` records the routes' sign-outs.
 */
export function testBrowser() {
  let session: Session | null = null;
  const signOut = vi.fn(async (_options: { redirect: false }) => undefined);
  return {
    signInAs(user: User) {
      session = {
        user: { id: user.id, login: user.login, name: user.name, email: user.email ?? "", role: user.role },
        expires: "2099-01-01T00:00:00.000Z",
      };
    },
    signOut,
    deps: { session: async () => session, signOut },
  };
}
