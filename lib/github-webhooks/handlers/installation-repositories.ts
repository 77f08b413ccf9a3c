import "server-only";

import { changeInstallationRepositories } from "@/lib/installations/change-installation-repositories";

import { processed, type GithubEventHandler } from "../processed-webhook";
import { installationPayload } from "./installation-payload";

/** Repositories were added to or removed from an installation. */
export const handleInstallationRepositories: GithubEventHandler = async (deps, event) => {
  const data = installationPayload.parse(event.payload);
  await changeInstallationRepositories(deps, {
    installationId: data.installation.id,
    added: data.repositories_added ?? [],
    removed: data.repositories_removed ?? [],
  });
  return processed(`installation repositories ${data.action}`);
};
