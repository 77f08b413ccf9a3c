import "server-only";

import { eq, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { projects, type Project } from "@/db/schema";
import { isUuid } from "@/db/uuid";

export async function findProjectByRepository(db: Database, repository: string): Promise<Project | undefined> {
  const [project] = await db
    .select()
    .from(projects)
    .where(sql`lower(${projects.repository}) = lower(${repository})`);
  return project;
}

export async function findProject(db: Database, id: string): Promise<Project | undefined> {
  if (!isUuid(id)) return undefined;
  const [project] = await db.select().from(projects).where(eq(projects.id, id));
  return project;
}
