// GET /api/health — readiness for load balancers and `npm start` users: 200 when the database answers, else 503.
import { checkDatabase } from "@/lib/health/check-database";
import { apiHandler } from "@/lib/http/api-handler";

export const dynamic = "force-dynamic";

export const GET = apiHandler({ access: "public" }, async ({ deps }) => {
  const database = await checkDatabase(deps.databaseHandle);
  const ok = database.status === "ok";
  return Response.json({ status: ok ? "ok" : "unavailable", database }, { status: ok ? 200 : 503 });
});
