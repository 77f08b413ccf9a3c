// GET /api/health/live — liveness for orchestrators: the process answers; the database is not touched.
import { apiHandler } from "@/lib/http/api-handler";

export const dynamic = "force-dynamic";

export const GET = apiHandler({ access: "public" }, async () => Response.json({ status: "ok" }));
