// GET /api/v1/me/accounts — the caller's linked sign-in accounts (provider and account id, never tokens).
import { apiHandler } from "@/lib/http/api-handler";
import { listLinkedAccounts } from "@/lib/users/list-linked-accounts";

export const GET = apiHandler({ access: "user" }, async ({ principal, deps }) =>
  Response.json({ data: await listLinkedAccounts(await deps.db(), principal.userId) }),
);
