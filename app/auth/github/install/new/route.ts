// GET /auth/github/install/new — the Install button: GitHub's install page for the App, with a state
// bound to the signed-in user.
import { githubUrls } from "@/lib/github/github-urls";
import { installPageUrl } from "@/lib/github/install-app";
import { createInstallState } from "@/lib/github/install-state";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler({ access: "user" }, async ({ principal, deps }) => {
  const config = deps.config();
  const url = await installPageUrl(deps.githubApp(), githubUrls(config).web, createInstallState(config, principal.userId));
  return Response.redirect(url, 302);
});
