// GET /auth/github/install — the App's setup URL: GitHub sends the person back here after installing.
// Outcomes, good or bad, are shown on /settings/github (never a stack trace).
import { getDb } from "@/db";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { getGithubApp } from "@/lib/github/github-app";
import { completeInstallation } from "@/lib/github/install-app";
import { isInstallStateFor } from "@/lib/github/install-state";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("user", async ({ req, principal, log }) => {
  const url = new URL(req.url);
  // A relative Location: behind `next start --hostname`, req.url may name another host than the browser used.
  const settings = new URLSearchParams();
  try {
    const config = getConfig();
    if (!isInstallStateFor(config, url.searchParams.get("state") ?? "", principal.userId)) {
      throw new AppError(400, "invalid_state", "The installation could not be confirmed: its state is missing, expired or not yours. Start again from Install.");
    }
    const id = await completeInstallation({ db: await getDb(), githubApp: getGithubApp(config) }, { installationId: url.searchParams.get("installation_id"), userId: principal.userId });
    settings.set("installed", String(id));
    log.info("github app installed", { installation_id: id, setup_action: url.searchParams.get("setup_action"), user_id: principal.userId });
  } catch (error) {
    if (!(error instanceof AppError)) log.error("install callback failed", { error });
    settings.set("error", error instanceof AppError ? error.message : "GitHub could not confirm the installation; try again.");
  }
  return new Response(null, { status: 303, headers: { location: `/settings/github?${settings}` } });
});
