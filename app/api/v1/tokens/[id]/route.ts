// DELETE /api/v1/tokens/{id} — revokes one of the caller's tokens (it stops working at once).
import { z } from "zod";
import { getDb } from "@/db";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { notFound } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";

export const DELETE = apiHandler<{ id: string }>("user", async ({ params, principal, log }) => {
  const tokenId = z.uuid().safeParse(params.id);
  if (!tokenId.success) throw notFound("API token");
  const token = await revokeApiToken({ db: await getDb() }, { userId: principal.userId, tokenId: tokenId.data });
  log.info("api token revoked", { token_id: token.id, user_id: principal.userId });
  return Response.json({ token });
});
