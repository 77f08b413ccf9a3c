// GET /auth/github/install/new — the Install button: GitHub's install page for the App, with a state
// bound to the signed-in user.
import { getConfig } from "@/lib/config";
import { getGithubApp } from "@/lib/github/github-app";
import { githubUrls } from "@/lib/github/github-urls";
import { installPageUrl } from "@/lib/github/install-app";
import { createInstallState } from "@/lib/github/install-state";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("user", async ({ principal }) => {
  const config = getConfig();
  const url = await installPageUrl(getGithubApp(config), githubUrls(config).web, createInstallState(config, principal.userId));
  return Response.redirect(url, 302);
});
