// GET /auth/github/installations — the signed-in user's installations (all of them for admins).
import { getDb } from "@/db";
import { listInstallations } from "@/lib/installations/list-installations";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("user", async ({ principal }) =>
  Response.json({ data: await listInstallations(await getDb(), { id: principal.userId, role: principal.role }) }),
);
