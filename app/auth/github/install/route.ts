// GET /auth/github/install — the App's setup URL: GitHub sends the person back here after installing.
// Outcomes, good or bad, are shown on /settings/github (never a stack trace).
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { completeInstallation } from "@/lib/github/install-app";
import { INSTALL_ERROR_MESSAGES, type InstallErrorCode } from "@/lib/github/install-errors";
import { isInstallStateFor } from "@/lib/github/install-state";
import { apiHandler } from "@/lib/http/api-handler";
import { githubAccessToken } from "@/lib/users/github-access-token";

// Plain strings that never fail here: a bad value is reported on the settings page, not as JSON.
const query = z.object({ state: z.string().optional(), installation_id: z.string().optional(), setup_action: z.string().optional() });

export const GET = apiHandler({ access: "user", query }, async ({ query, principal, deps, log }) => {
  // A relative Location: behind `next start --hostname`, req.url may name another host than the browser used.
  const settings = new URLSearchParams();
  try {
    const config = deps.config();
    if (!isInstallStateFor(config, query.state ?? "", principal.userId)) {
      throw new AppError(
        400,
        "invalid_state",
        "The installation could not be confirmed: its state is missing, expired or not yours. Start again from Install.",
      );
    }
    const id = await completeInstallation(
      { db: await deps.db(), githubApp: deps.githubApp() },
      {
        installationId: query.installation_id ?? null,
        userId: principal.userId,
        userAccessToken: await githubAccessToken(await deps.db(), principal.userId),
      },
    );
    settings.set("installed", String(id));
    log.info("github app installed", { installation_id: id, setup_action: query.setup_action ?? null, user_id: principal.userId });
  } catch (error) {
    if (!(error instanceof AppError)) log.error("install callback failed", { error });
    // A code, not a message: the settings page shows its own text for each (install-errors.ts), never the URL's.
    const code: InstallErrorCode =
      error instanceof AppError && error.code in INSTALL_ERROR_MESSAGES ? (error.code as InstallErrorCode) : "github_unavailable";
    settings.set("error", code);
  }
  return new Response(null, { status: 303, headers: { location: `/settings/github?${settings}` } });
});
