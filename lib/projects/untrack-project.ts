import "server-only";

import { eq } from "drizzle-orm";

import { projects, type Project } from "@/db/schema";

import type { ProjectDeps } from "./deps";

/** Stops following a project; its snapshots, updates and items go with it. */
export async function untrackProject(deps: Pick<ProjectDeps, "db">, project: Project) {
  await deps.db.delete(projects).where(eq(projects.id, project.id));
}
