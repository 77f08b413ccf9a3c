// POST /api/v1/admin/webhooks/reload — re-reads config/webhooks.yaml (admin). Valid: swapped in at once,
// answered with what changed. Invalid: 422 with every error and its YAML path; the running config stays.
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { recordRequestAudit } from "@/lib/http/record-request-audit";
import { reloadResult } from "@/lib/openapi/outbound-schemas";
import { reloadEndpoints } from "@/lib/outbound/current-endpoints";

export const POST = apiHandler(
  {
    access: "admin",
    doc: {
      operationId: "reloadWebhooksConfig",
      summary: "Re-read config/webhooks.yaml",
      description: "A valid file is swapped in at once and the answer says what changed; an invalid one changes nothing.",
      responses: { 200: { description: "What changed", schema: reloadResult } },
      errors: { 422: "`invalid_webhooks_config`: every error with its YAML path in `details`; the running configuration is unchanged" },
    },
  },
  async ({ req, principal, deps, log }) => {
    const db = await deps.db();
    const reloaded = await reloadEndpoints(db, deps.config());
    await recordRequestAudit(db, {
      req,
      principal,
      action: "webhook_endpoints.reloaded",
      details: reloaded.ok
        ? { ok: true, added: reloaded.result.added, removed: reloaded.result.removed, changed: reloaded.result.changed }
        : { ok: false, errors: reloaded.errors.length },
    });
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
  },
);
