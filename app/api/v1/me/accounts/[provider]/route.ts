// DELETE /api/v1/me/accounts/{provider} — unlink the caller's account there (signed-in person only); announces
// user.oauth_unlinked. With no sign-in method left the person is signed out, and their next sign-in with the same
// GitHub account links it again (lib/users/unlink-account.ts).
import { signOut } from "@/auth";
import { apiHandler } from "@/lib/http/api-handler";
import { defaultUserDeps } from "@/lib/users/default-deps";
import { unlinkAccount } from "@/lib/users/unlink-account";

export const DELETE = apiHandler<{ provider: string }, "session">("session", async ({ params, principal, log }) => {
  const { unlinked, signedOut } = await unlinkAccount(await defaultUserDeps(log), principal.userId, params.provider);
  log.info("account unlinked", { user_id: principal.userId, provider: params.provider, signed_out: signedOut });
  if (signedOut) await signOut({ redirect: false });
  return Response.json({ unlinked, signed_out: signedOut });
});
