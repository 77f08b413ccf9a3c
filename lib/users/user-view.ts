import "server-only";

import type { User, UserRole } from "@/db/schema";

/** A user as the API and the user.* events show it: who they are, never a token or a linked account's credentials. */
export interface UserView {
  id: string;
  login: string | null;
  name: string | null;
  email: string | null;
  role: UserRole;
  created_at: string;
}

export function toUserView(user: User): UserView {
  return { id: user.id, login: user.login, name: user.name, email: user.email, role: user.role, created_at: user.createdAt.toISOString() };
}
