// GET /api/v1/me/accounts — the caller's linked sign-in accounts (provider and account id, never tokens).
import { getDb } from "@/db";
import { apiHandler } from "@/lib/http/api-handler";
import { listLinkedAccounts } from "@/lib/users/list-linked-accounts";

export const GET = apiHandler("user", async ({ principal }) => Response.json({ data: await listLinkedAccounts(await getDb(), principal.userId) }));
