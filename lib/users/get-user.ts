import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { users, type User } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getUser(db: Database, userId: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  return user;
}
