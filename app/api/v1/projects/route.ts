// GET /api/v1/projects — tracked projects with their latest progress and PR/issue counts (cursor pages).
// POST /api/v1/projects — track a repository reachable through the App (201; 422 not installed; 409 tracked).
import { z } from "zod";
import { getDb } from "@/db";
import { apiHandler } from "@/lib/http/api-handler";
import { readJson } from "@/lib/http/read-json";
import { decodeCursor, pageSizeSchema } from "@/lib/pagination/cursor";
import { defaultProjectDeps } from "@/lib/projects/default-deps";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { listProjects } from "@/lib/projects/list-projects";
import { trackProjectSchema } from "@/lib/projects/project-input";
import { trackProject } from "@/lib/projects/track-project";

const query = z.object({ cursor: z.string().optional(), limit: pageSizeSchema });

export const GET = apiHandler("user", async ({ req }) => {
  const params = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listProjects(await getDb(), { limit: params.limit, cursor: decodeCursor(params.cursor) }));
});

export const POST = apiHandler("user", async ({ req, principal, log }) => {
  const input = await readJson(req, trackProjectSchema);
  const deps = await defaultProjectDeps(log);
  const project = await trackProject(deps, { ...input, createdBy: principal.userId });
  log.info("project tracked", { project_id: project.id, repository: project.repository });
  return Response.json(await getProjectDetail(deps.db, project), { status: 201 });
});
