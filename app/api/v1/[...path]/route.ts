// Any /api/v1 path without a route: a JSON 404 (after authentication, so it reveals nothing to strangers).
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";

const notARoute = apiHandler({ access: "user" }, async ({ req }) => {
  throw new AppError(404, "not_found", `No API route ${req.method} ${new URL(req.url).pathname}`);
});

export { notARoute as GET, notARoute as POST, notARoute as PUT, notARoute as PATCH, notARoute as DELETE };
