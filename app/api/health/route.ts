// GET /api/health — readiness for load balancers and `npm start` users: 200 when the database answers, else 503.
import { getDatabaseHandle } from "@/db";
import { checkDatabase } from "@/lib/health/check-database";
import { apiHandler } from "@/lib/http/api-handler";

export const dynamic = "force-dynamic";

export const GET = apiHandler("public", async () => {
  const database = await checkDatabase(getDatabaseHandle);
  const ok = database.status === "ok";
  return Response.json({ status: ok ? "ok" : "unavailable", database }, { status: ok ? 200 : 503 });
});
