import "server-only";

import type { z } from "zod";

import type { User } from "@/db/schema";
import type { userView } from "@/lib/openapi/user-schemas";

/** A user as the API and the user.* events show it: who they are, never a token or a linked account's credentials. */
export type UserView = z.output<typeof userView>;

export function toUserView(user: User): UserView {
  return { id: user.id, login: user.login, name: user.name, email: user.email, role: user.role, created_at: user.createdAt.toISOString() };
}
