// GET /api/v1/me — who the caller is (session or API token); scripts use it to check their token.
// PATCH /api/v1/me — change the display name (session or API token); announces user.updated.
// DELETE /api/v1/me — delete the account, confirmed by the login (signed-in person only); announces user.deleted and ends the session.
import { z } from "zod";
import { signOut } from "@/auth";
import { getDb } from "@/db";
import type { User } from "@/db/schema";
import type { Principal } from "@/lib/auth/principal";
import { apiHandler } from "@/lib/http/api-handler";
import { readJson } from "@/lib/http/read-json";
import { defaultUserDeps } from "@/lib/users/default-deps";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/get-user";
import { profileSchema } from "@/lib/users/profile-input";
import { updateUserProfile } from "@/lib/users/update-user-profile";
import { toUserView } from "@/lib/users/user-view";

const deleteBody = z.object({ confirm_login: z.string().min(1, "Type your login to confirm") });

const meView = (user: User, principal: Principal) => ({ ...toUserView(user), auth: principal.via });

export const GET = apiHandler("user", async ({ principal }) => Response.json(meView(await getUser(await getDb(), principal.userId), principal)));

export const PATCH = apiHandler("user", async ({ req, principal, log }) => {
  const input = await readJson(req, profileSchema);
  const user = await updateUserProfile(await defaultUserDeps(log), principal.userId, input);
  return Response.json(meView(user, principal));
});

export const DELETE = apiHandler("session", async ({ req, principal, log }) => {
  const { confirm_login } = await readJson(req, deleteBody);
  const deleted = await deleteUser(await defaultUserDeps(log), principal.userId, { confirmLogin: confirm_login });
  log.info("user deleted", { user_id: deleted.id, login: deleted.login });
  await signOut({ redirect: false });
  return Response.json({ deleted });
});
