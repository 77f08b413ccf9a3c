// DELETE /api/v1/tokens/{id} — revokes one of the caller's tokens (it stops working at once; audited).
import { z } from "zod";

import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { apiHandler } from "@/lib/http/api-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { apiTokenView } from "@/lib/openapi/user-schemas";

const params = z.object({ id: z.uuid() });

export const DELETE = apiHandler(
  {
    access: "user",
    params,
    resource: "API token",
    doc: {
      operationId: "revokeApiToken",
      summary: "Revoke one of the caller's API tokens",
      responses: { 200: { description: "The revoked token", schema: z.object({ token: apiTokenView }) } },
    },
  },
  async ({ req, params, principal, deps, log }) => {
    const token = await revokeApiToken(
      { db: await deps.db() },
      { tokenId: params.id, userId: principal.userId, login: principal.login, origin: requestOrigin(req.headers) },
    );
    log.info("api token revoked", { token_id: token.id, user_id: principal.userId });
    return Response.json({ token });
  },
);
