import "server-only";

import type { Database } from "@/db";
import { projects } from "@/db/schema";
import type { Cursor } from "@/lib/pagination/cursor";
import { keysetPage, newestFirst } from "@/lib/pagination/keyset";

import { projectView, summaries } from "./project-view";

/** Tracked projects, newest first, by keyset pages. */
export async function listProjects(db: Database, input: { cursor?: Cursor; limit: number }) {
  const rows = await newestFirst(db.select().from(projects).$dynamic(), projects, input);
  const { latest, counts } = await summaries(
    db,
    rows.slice(0, input.limit).map((row) => row.id),
  );
  return keysetPage(rows, input.limit, (project) => projectView(project, latest.get(project.id), counts.get(project.id)!));
}
