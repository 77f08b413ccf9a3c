import "server-only";

import type { Database } from "@/db";
import type { Installation } from "@/db/schema";
import { AppError } from "@/lib/errors";

import { installationForRepository } from "./installation-for-repository";

/** The active installation that reaches `repository`; 422 repository_not_installed, saying what to do, when there is none. */
export async function requireInstallation(db: Database, repository: string): Promise<Installation> {
  const installation = await installationForRepository(db, repository);
  if (!installation) {
    throw new AppError(
      422,
      "repository_not_installed",
      `The GitHub App is not installed on ${repository}, or cannot reach it: pick an installed repository, or ask an admin to add it in Settings → GitHub App`,
    );
  }
  return installation;
}
