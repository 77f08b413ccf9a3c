// POST /api/v1/admin/webhooks/reload — re-reads config/webhooks.yaml (admin). Valid: swapped in at once,
// answered with what changed. Invalid: 422 with every error and its YAML path; the running config stays.
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { reloadEndpoints } from "@/lib/outbound/current-endpoints";

export const POST = apiHandler({ access: "admin" }, async ({ principal, deps, log }) => {
  const reloaded = await reloadEndpoints(await deps.db(), deps.config());
  if (!reloaded.ok) {
    throw new AppError(
      422,
      "invalid_webhooks_config",
      `webhooks.yaml has ${reloaded.errors.length} error(s); the running configuration is unchanged`,
      reloaded.errors,
    );
  }
  log.info("webhooks.yaml reloaded", {
    user_id: principal.userId,
    added: reloaded.result.added,
    removed: reloaded.result.removed,
    changed: reloaded.result.changed,
  });
  return Response.json(reloaded.result);
});
