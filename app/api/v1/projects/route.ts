// GET /api/v1/projects — tracked projects with their latest progress and PR/issue counts (cursor pages).
// POST /api/v1/projects — track a repository reachable through the App (201; 422 not installed; 409 tracked).
import { commitUrl } from "@/lib/github/github-urls";
import { apiHandler } from "@/lib/http/api-handler";
import { pageOf } from "@/lib/openapi/common-schemas";
import { projectDetail, projectView } from "@/lib/openapi/project-schemas";
import { listQuery } from "@/lib/pagination/list-query";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { listProjects } from "@/lib/projects/list-projects";
import { trackProjectSchema } from "@/lib/projects/project-input";
import { trackProject } from "@/lib/projects/track-project";

const query = listQuery({});

export const GET = apiHandler(
  {
    access: "user",
    query,
    doc: {
      operationId: "listProjects",
      summary: "Tracked projects with their latest progress and pull request/issue counts",
      responses: { 200: { description: "A page of projects", schema: pageOf(projectView) } },
    },
  },
  async ({ query, deps }) => Response.json(await listProjects(await deps.db(), { limit: query.limit, cursor: query.cursor })),
);

export const POST = apiHandler(
  {
    access: "user",
    body: trackProjectSchema,
    doc: {
      operationId: "trackProject",
      summary: "Track a repository reachable through the GitHub App",
      responses: { 201: { description: "The new project", schema: projectDetail } },
      errors: {
        409: "`already_tracked`: the repository is already tracked",
        422: "`repository_not_installed`: the App is not installed on the repository",
      },
    },
  },
  async ({ body: input, principal, deps: routeDeps, log }) => {
    const deps = await routeDeps.projects();
    const project = await trackProject(deps, { ...input, createdBy: principal.userId });
    log.info("project tracked", { project_id: project.id, repository: project.repository });
    return Response.json(await getProjectDetail(deps.db, project, (repository, sha) => commitUrl(routeDeps.config(), repository, sha)), {
      status: 201,
    });
  },
);
