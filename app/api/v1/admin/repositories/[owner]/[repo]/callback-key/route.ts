// GET /api/v1/admin/repositories/{owner}/{repo}/callback-key — the key to store as the repository's secret
// WEBHOOK_SECRET (admin): HMAC-SHA256(WEBHOOK_SECRET, lowercase owner/repo), hex, and the previous root's key during a rotation.
import { callbackRoots } from "@/lib/analysis/webhook-secret";
import { apiHandler } from "@/lib/http/api-handler";
import { repositoryCallbackKeyView as callbackKeySchema } from "@/lib/openapi/repository-schemas";
import { repositoryCallbackKeyView } from "@/lib/repositories/repository-callback-key";
import { repositoryParams } from "@/lib/repositories/repository-params";

export const GET = apiHandler(
  {
    access: "admin",
    params: repositoryParams,
    resource: "Repository",
    doc: {
      operationId: "getRepositoryCallbackKey",
      summary: "The key to store as the repository's secret WEBHOOK_SECRET",
      description: "The analysis workflow signs its result callback with it. During a rotation the previous root's key is listed too.",
      responses: { 200: { description: "The repository's callback key", schema: callbackKeySchema } },
    },
  },
  async ({ params: { repository }, principal, deps, log }) => {
    log.info("repository callback key read", { repository, user_id: principal.userId });
    return Response.json(repositoryCallbackKeyView(callbackRoots(deps.config()), repository, new Date()), {
      headers: { "cache-control": "no-store" },
    });
  },
);
