// DELETE /api/v1/admin/tokens/{id} — revokes anybody's API token (admin; audited). It stops working at once.
import { z } from "zod";

import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { apiHandler } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { apiTokenView } from "@/lib/openapi/user-schemas";

const params = z.object({ id: z.uuid() });

export const DELETE = apiHandler(
  {
    access: "admin",
    params,
    resource: "API token",
    doc: {
      operationId: "revokeAnyApiToken",
      summary: "Revoke anybody's API token",
      description: "It stops working at once; the revocation is audited.",
      responses: { 200: { description: "The revoked token", schema: z.object({ token: apiTokenView }) } },
    },
  },
  async ({ req, params, principal, deps, log }) => {
    const token = await revokeApiToken(
      { db: await deps.db() },
      { tokenId: params.id, userId: principal.userId, login: principal.login, anyOwner: true, origin: requestOrigin(req.headers) },
    );
    log.info("api token revoked by an admin", { token_id: token.id, user_id: principal.userId });
    return Response.json({ token });
  },
);
