import "server-only";

import { removeInstallation } from "@/lib/installations/remove-installation";
import { setInstallationSuspended } from "@/lib/installations/set-installation-suspended";
import { storeInstallation } from "@/lib/installations/store-installation";

import { ignored, processed, type GithubEventHandler } from "../processed-webhook";
import { installationPayload } from "./installation-payload";

/** The App was installed, uninstalled, suspended or unsuspended on an account; other actions are ignored. */
export const handleInstallation: GithubEventHandler = async (deps, event) => {
  const { action, installation, repositories } = installationPayload.parse(event.payload);
  const account = { login: installation.account?.login ?? installation.account?.slug ?? "unknown", type: installation.account?.type };
  if (action === "created") await storeInstallation(deps, { installation: { ...installation, account }, repositories: repositories ?? [] });
  else if (action === "deleted") await removeInstallation(deps, installation.id);
  else if (action === "suspend" || action === "unsuspend")
    await setInstallationSuspended(deps, { installationId: installation.id, suspended: action === "suspend" });
  else return ignored(`installation ${action}`);
  return processed(`installation ${action}`);
};
