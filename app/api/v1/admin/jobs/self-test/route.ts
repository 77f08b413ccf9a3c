// POST /api/v1/admin/jobs/self-test — sends the job engine self-test event (admin); answers 202 with its event id.
import { jobsSelfTestRequested } from "@/inngest/events";
import { selfTestData } from "@/inngest/functions/jobs-self-test";
import { apiHandler } from "@/lib/http/api-handler";

export const POST = apiHandler({ access: "admin", body: selfTestData }, async ({ body: data, deps: { inngest } }) => {
  const { ids } = await inngest.send(jobsSelfTestRequested.create(data));
  return Response.json({ event_id: ids[0] }, { status: 202 });
});
