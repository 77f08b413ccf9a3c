// GET /api/v1/me/accounts — the caller's linked sign-in accounts (provider and account id, never tokens).
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { linkedAccountView } from "@/lib/openapi/user-schemas";
import { listLinkedAccounts } from "@/lib/users/list-linked-accounts";

export const GET = apiHandler(
  {
    access: "user",
    doc: {
      operationId: "listLinkedAccounts",
      summary: "The caller's linked sign-in accounts",
      responses: {
        200: { description: "Provider and account id of each (never tokens)", schema: z.object({ data: z.array(linkedAccountView) }) },
      },
    },
  },
  async ({ principal, deps }) => Response.json({ data: await listLinkedAccounts(await deps.db(), principal.userId) }),
);
