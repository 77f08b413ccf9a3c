// POST /api/v1/admin/jobs/self-test — sends the job engine self-test event (admin); answers 202 with its event id.
import { inngest } from "@/inngest/client";
import { jobsSelfTestRequested } from "@/inngest/events";
import { selfTestData } from "@/inngest/functions/jobs-self-test";
import { apiHandler } from "@/lib/http/api-handler";
import { readJson } from "@/lib/http/read-json";

export const POST = apiHandler("admin", async ({ req }) => {
  const data = await readJson(req, selfTestData);
  const { ids } = await inngest.send(jobsSelfTestRequested.create(data));
  return Response.json({ event_id: ids[0] }, { status: 202 });
});
