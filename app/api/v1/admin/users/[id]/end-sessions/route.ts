// POST /api/v1/admin/users/{id}/end-sessions — signs a user out of every browser now (admin; audited).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { isoTime } from "@/lib/openapi/common-schemas";
import { endUserSessions } from "@/lib/users/end-user-sessions";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = apiHandler(
  {
    access: "admin",
    params,
    resource: "User",
    doc: {
      operationId: "endUserSessions",
      summary: "Sign a user out of every browser now",
      description: "Their API tokens keep working; revoke those separately. Audited.",
      responses: { 200: { description: "Signed out", schema: z.object({ user_id: z.string(), sessions_ended_at: isoTime }) } },
    },
  },
  async ({ req, params, principal, deps, log }) => {
    const ended = await endUserSessions(
      { db: await deps.db() },
      { userId: params.id, actor: principal, origin: requestOrigin(req.headers) },
    );
    log.info("user sessions ended", { target_user_id: params.id, user_id: principal.userId });
    return Response.json({ user_id: params.id, ...ended });
  },
);
