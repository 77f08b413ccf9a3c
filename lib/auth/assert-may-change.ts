import "server-only";

import { AppError } from "@/lib/errors";

import type { Principal } from "./principal";

/** Who is acting on a thing: enough of the principal to decide whether they may change it. */
export type Actor = Pick<Principal, "userId" | "login" | "role">;

/**
 * The object-level rule: members change or delete only what they created; admins anything. A thing whose
 * creator is gone (null) is an admin's to change.
 */
export function assertMayChange(actor: Actor, createdBy: string | null, what: string) {
  if (actor.role === "admin" || (createdBy !== null && createdBy === actor.userId)) return;
  throw new AppError(403, "not_creator", `Only the person who created this ${what}, or an admin, can change or delete it`);
}
