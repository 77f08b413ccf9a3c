// GET /api/v1/admin/users — everyone, with the role they have now and their working API tokens (admin).
import { z } from "zod";

import { signInPolicyOf } from "@/lib/auth/sign-in-policy";
import { apiHandler } from "@/lib/http/api-handler";
import { adminUserView } from "@/lib/openapi/user-schemas";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiHandler(
  {
    access: "admin",
    doc: {
      operationId: "listUsers",
      summary: "Everyone, with the role they have now and their working API tokens",
      responses: { 200: { description: "Every user, by login", schema: z.object({ data: z.array(adminUserView) }) } },
    },
  },
  async ({ deps }) => Response.json({ data: await listUsers(await deps.db(), signInPolicyOf(deps.config())) }),
);
