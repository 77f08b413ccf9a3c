import "server-only";

import { eq } from "drizzle-orm";

import { projects, type Project } from "@/db/schema";
import { assertMayChange, type Actor } from "@/lib/auth/assert-may-change";

import type { ProjectDeps } from "./deps";

/** Stops following a project (its creator or an admin only: 403); its snapshots, updates and items go with it. */
export async function untrackProject(deps: Pick<ProjectDeps, "db">, project: Project, actor: Actor) {
  assertMayChange(actor, project.createdBy, "project");
  await deps.db.delete(projects).where(eq(projects.id, project.id));
}
