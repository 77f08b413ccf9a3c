import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { users, type User } from "@/db/schema";
import { found } from "@/lib/errors";

export async function getUser(db: Database, userId: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return found(user, "User");
}
