import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { installationRepositories, installations, type Installation } from "@/db/schema";

/**
 * The active installation that reaches `repository`, or undefined: the check before a project is
 * tracked or a feature analyzed there.
 */
export async function installationForRepository(db: Database, repository: string): Promise<Installation | undefined> {
  const [row] = await db
    .select({ installation: installations })
    .from(installationRepositories)
    .innerJoin(installations, eq(installations.id, installationRepositories.installationId))
    .where(
      and(
        sql`lower(${installationRepositories.fullName}) = lower(${repository})`,
        isNull(installations.deletedAt),
        isNull(installations.suspendedAt),
      ),
    )
    .limit(1);
  return row?.installation;
}
