// GET /api/v1/admin/users — everyone, with the role they have now and their working API tokens (admin).
import { signInPolicyOf } from "@/lib/auth/sign-in-policy";
import { apiHandler } from "@/lib/http/api-handler";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiHandler({ access: "admin" }, async ({ deps }) =>
  Response.json({ data: await listUsers(await deps.db(), signInPolicyOf(deps.config())) }),
);
