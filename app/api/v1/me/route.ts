// GET /api/v1/me — who the caller is (session or API token); scripts use it to check their token.
// PATCH /api/v1/me — change the display name (session or API token); announces user.updated.
// DELETE /api/v1/me — delete the account, confirmed by the login (signed-in person only); announces user.deleted and ends the session.
import { z } from "zod";

import type { User } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { apiHandler } from "@/lib/http/api-handler";
import { userView } from "@/lib/openapi/user-schemas";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/get-user";
import { profileSchema } from "@/lib/users/profile-input";
import { updateUserProfile } from "@/lib/users/update-user-profile";
import { toUserView } from "@/lib/users/user-view";

const deleteBody = z.object({ confirm_login: z.string().min(1, "Type your login to confirm") });

const meSchema = userView.extend({ auth: z.enum(["session", "token"]) });

// The role is this request's (config decides), not the one stored at sign-in.
const meView = (user: User, principal: Principal) => ({ ...toUserView(user), role: principal.role, auth: principal.via });

export const GET = apiHandler(
  {
    access: "user",
    doc: { operationId: "getMe", summary: "Who the caller is", responses: { 200: { description: "The caller", schema: meSchema } } },
  },
  async ({ principal, deps }) => Response.json(meView(await getUser(await deps.db(), principal.userId), principal)),
);

export const PATCH = apiHandler(
  {
    access: "user",
    body: profileSchema,
    doc: {
      operationId: "updateMe",
      summary: "Change the caller's display name",
      description: "Announces `user.updated`.",
      responses: { 200: { description: "The caller, changed", schema: meSchema } },
    },
  },
  async ({ body: input, principal, deps }) => {
    const user = await updateUserProfile(await deps.users(), principal.userId, input);
    return Response.json(meView(user, principal));
  },
);

export const DELETE = apiHandler(
  {
    access: "session",
    body: deleteBody,
    doc: {
      operationId: "deleteMe",
      summary: "Delete the caller's account, confirmed by their login",
      description: "Announces `user.deleted` and ends the session.",
      responses: { 200: { description: "The deleted account", schema: z.object({ deleted: userView }) } },
      errors: { 400: "`confirmation_mismatch`: `confirm_login` is not the caller's login" },
    },
  },
  async ({ body: { confirm_login }, principal, deps, log }) => {
    const deleted = await deleteUser(await deps.users(), principal.userId, { confirmLogin: confirm_login });
    log.info("user deleted", { user_id: deleted.id, login: deleted.login });
    await deps.signOut({ redirect: false });
    return Response.json({ deleted });
  },
);
