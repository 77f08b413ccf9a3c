// DELETE /api/v1/me/accounts/{provider} — unlink the caller's account there (signed-in person only); announces
// user.oauth_unlinked. With no sign-in method left the person is signed out, and their next sign-in with the same
// GitHub account links it again (lib/users/unlink-account.ts).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { linkedAccountView } from "@/lib/openapi/user-schemas";
import { unlinkAccount } from "@/lib/users/unlink-account";

const params = z.object({ provider: z.string().min(1) });

export const DELETE = apiHandler(
  {
    access: "session",
    params,
    resource: "Account",
    doc: {
      operationId: "unlinkAccount",
      summary: "Unlink the caller's account at a provider",
      description: "Announces `user.oauth_unlinked`. With no sign-in method left, the person is signed out.",
      responses: { 200: { description: "Unlinked", schema: z.object({ unlinked: z.array(linkedAccountView), signed_out: z.boolean() }) } },
    },
  },
  async ({ params, principal, deps, log }) => {
    const { unlinked, signedOut } = await unlinkAccount(await deps.users(), principal.userId, params.provider);
    log.info("account unlinked", { user_id: principal.userId, provider: params.provider, signed_out: signedOut });
    if (signedOut) await deps.signOut({ redirect: false });
    return Response.json({ unlinked, signed_out: signedOut });
  },
);
