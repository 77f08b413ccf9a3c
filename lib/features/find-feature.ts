import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { isUuid } from "@/db/uuid";

/** A feature by id; undefined when unknown or when the id is not a UUID. */
export async function findFeature(db: Database, id: string): Promise<Feature | undefined> {
  if (!isUuid(id)) return undefined;
  const [feature] = await db.select().from(features).where(eq(features.id, id));
  return feature;
}
