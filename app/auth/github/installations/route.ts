// GET /auth/github/installations — the App's installations with the repositories each reaches, and the admins' logins (whom to ask).
import { apiHandler } from "@/lib/http/api-handler";
import { listInstallations } from "@/lib/installations/list-installations";
import { listAdminLogins } from "@/lib/users/list-admin-logins";

export const GET = apiHandler({ access: "user" }, async ({ deps }) => {
  const db = await deps.db();
  const [data, admins] = await Promise.all([listInstallations(db), listAdminLogins(db)]);
  return Response.json({ data, admins });
});
