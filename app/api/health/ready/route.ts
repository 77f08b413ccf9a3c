// GET /api/health/ready — readiness for orchestrators: 200 when every check passes, else 503 naming the failed ones.
import { checkReadiness } from "@/lib/health/check-readiness";
import { apiHandler } from "@/lib/http/api-handler";

export const dynamic = "force-dynamic";

export const GET = apiHandler({ access: "public" }, async ({ deps }) => {
  const readiness = await checkReadiness(deps);
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503 });
});
