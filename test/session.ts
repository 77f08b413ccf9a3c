import type { Session } from "next-auth";
import { vi } from "vitest";
import { auth } from "@/auth";
import type { User } from "@/db/schema";

/**
 * Makes `user` the signed-in person of the session cookie (test/http.ts `sessionHeaders`). The test file
 * mocks `@/auth`: `vi.mock("@/auth", () => ({ auth: vi.fn(), signOut: vi.fn() }))`.
 */
export function mockSessionOf(user: User) {
  const session: Session = {
    user: { id: user.id, login: user.login, name: user.name, email: user.email ?? "", role: user.role },
    expires: "2099-01-01T00:00:00.000Z",
  };
  vi.mocked(auth as unknown as () => Promise<Session | null>).mockResolvedValue(session);
}
