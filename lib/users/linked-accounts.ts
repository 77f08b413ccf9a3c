import "server-only";

import { ne } from "drizzle-orm";
import type { Account as OAuthAccount } from "next-auth";
import type { z } from "zod";

import { accounts } from "@/db/schema";
import type { linkedAccountView } from "@/lib/openapi/user-schemas";

/**
 * An unlinked account keeps its row with this type and no credentials: the row remembers which GitHub
 * account belongs to the user, so that exactly that account can link it again (see unlink-account.ts).
 * next-auth never reads `type` back, so the adapter still finds the row at the next sign-in.
 */
export const UNLINKED_ACCOUNT_TYPE = "unlinked";

/** Accounts that can sign their user in. */
export const isLinked = ne(accounts.type, UNLINKED_ACCOUNT_TYPE);

/** A linked account as the API shows it: which provider and which account there, never its tokens. */
export type LinkedAccountView = z.output<typeof linkedAccountView>;

export const toLinkedAccountView = (account: { provider: string; providerAccountId: string }): LinkedAccountView => ({
  provider: account.provider,
  provider_account_id: account.providerAccountId,
});

/** The columns holding what the provider issued at sign-in; an unlinked account has all of them null. */
export function credentialsOf(account: OAuthAccount | null) {
  return {
    access_token: account?.access_token ?? null,
    refresh_token: account?.refresh_token ?? null,
    expires_at: account?.expires_at ?? null,
    token_type: account?.token_type ?? null,
    scope: account?.scope ?? null,
    id_token: account?.id_token ?? null,
    session_state: typeof account?.session_state === "string" ? account.session_state : null,
  };
}
