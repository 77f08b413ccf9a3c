import { z } from "zod";

import { API_TOKEN_SCOPES } from "@/lib/auth/api-token-scopes";
import { USER_ROLES } from "@/lib/users/user-role";

import { anyJson, isoTime } from "./common-schemas";

// UserView, AdminUserView, LinkedAccountView and ApiTokenView are these schemas' output types: the compiler
// holds the to…View functions to what the document publishes.

/** lib/users/user-view.ts `toUserView`. */
export const userView = z
  .object({
    id: z.string().meta({ description: "A UUID; `hooksmith-automation` for the ADMIN_API_TOKEN's user" }),
    login: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    role: z.enum(USER_ROLES),
    created_at: isoTime,
  })
  .meta({ id: "User" });

/** lib/users/linked-accounts.ts `toLinkedAccountView`. */
export const linkedAccountView = z.object({ provider: z.string(), provider_account_id: z.string() }).meta({ id: "LinkedAccount" });

/** lib/auth/api-token-view.ts `toApiTokenView`. */
export const apiTokenView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(API_TOKEN_SCOPES).meta({ description: "`read`: GET and HEAD only; `write`: whatever its owner may do" }),
    created_at: isoTime,
    expires_at: isoTime.nullable(),
    last_used_at: isoTime.nullable(),
    revoked_at: isoTime.nullable(),
  })
  .meta({ id: "ApiToken" });

/** lib/users/list-users.ts `AdminUserView`. */
export const adminUserView = userView
  .extend({
    sessions_ended_at: isoTime.nullable().meta({ description: "When an admin last signed them out everywhere" }),
    policy_refusal: z.string().nullable().meta({ description: "Why the sign-in policy refused them at their last check" }),
    active_tokens: z.array(apiTokenView).meta({ description: "Tokens that still work (not revoked, not expired)" }),
  })
  .meta({ id: "AdminUser" });

/** lib/audit/list-audit-events.ts `AuditEventView`. */
export const auditEventView = z
  .object({
    id: z.uuid(),
    created_at: isoTime,
    actor: z.object({ user_id: z.string().nullable(), login: z.string().nullable() }),
    action: z.string().meta({ description: "What was done: `api_token.revoked`, `webhook_endpoint.paused`, …" }),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    details: z.record(z.string(), anyJson),
  })
  .meta({ id: "AuditEvent" });
