// GET /auth/github/installations — the signed-in user's installations (all of them for admins).
import { apiHandler } from "@/lib/http/api-handler";
import { listInstallations } from "@/lib/installations/list-installations";

export const GET = apiHandler({ access: "user" }, async ({ principal, deps }) =>
  Response.json({ data: await listInstallations(await deps.db(), { id: principal.userId, role: principal.role }) }),
);
