import "server-only";

import { eq } from "drizzle-orm";

import { installations } from "@/db/schema";

import type { InstallationDeps } from "./deps";

/** The App was suspended on the account (it reaches nothing until unsuspended), or unsuspended. */
export async function setInstallationSuspended(
  deps: Pick<InstallationDeps, "db">,
  input: { installationId: number; suspended: boolean },
): Promise<void> {
  await deps.db
    .update(installations)
    .set({ suspendedAt: input.suspended ? new Date() : null, updatedAt: new Date() })
    .where(eq(installations.id, input.installationId));
}
