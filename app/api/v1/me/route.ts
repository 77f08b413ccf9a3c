// GET /api/v1/me — who the caller is (session or API token); scripts use it to check their token.
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("user", async ({ principal }) =>
  Response.json({
    id: principal.userId,
    login: principal.login,
    name: principal.name,
    role: principal.role,
    auth: principal.via,
  }),
);
