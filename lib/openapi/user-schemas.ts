import { z } from "zod";

import { USER_ROLES } from "@/lib/users/user-role";

import { isoTime } from "./common-schemas";

/** lib/users/user-view.ts `toUserView`. */
export const userView = z
  .object({
    id: z.uuid(),
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
    created_at: isoTime,
    last_used_at: isoTime.nullable(),
    revoked_at: isoTime.nullable(),
  })
  .meta({ id: "ApiToken" });
