import "server-only";

import { and, asc, gt, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";

import type { Database } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { toApiTokenView } from "@/lib/auth/api-token-view";
import { effectiveRole } from "@/lib/auth/effective-role";
import type { SignInPolicy } from "@/lib/auth/sign-in-policy";
import type { adminUserView } from "@/lib/openapi/user-schemas";

import { toUserView } from "./user-view";

/** How many people the admin Users page lists; a Hooksmith team is far smaller. */
const MAX_USERS = 1000;

export type AdminUserView = z.output<typeof adminUserView>;

/** Everyone, by login, with the role they have now (config decides) and their working API tokens: the admin Users page. */
export async function listUsers(db: Database, policy: Pick<SignInPolicy, "adminLogins">): Promise<AdminUserView[]> {
  const people = await db.select().from(users).orderBy(asc(users.login), asc(users.id)).limit(MAX_USERS);
  const ids = people.map((person) => person.id);
  const tokens = ids.length
    ? await db
        .select()
        .from(apiTokens)
        .where(
          and(
            inArray(apiTokens.userId, ids),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
          ),
        )
        .orderBy(asc(apiTokens.createdAt))
    : [];
  return people.map((person) => ({
    ...toUserView(person),
    role: effectiveRole(person, policy),
    sessions_ended_at: person.sessionsEndedAt?.toISOString() ?? null,
    policy_refusal: person.policyRefusal,
    active_tokens: tokens.filter((token) => token.userId === person.id).map(toApiTokenView),
  }));
}
