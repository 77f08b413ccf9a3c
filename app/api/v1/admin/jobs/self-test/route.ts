// POST /api/v1/admin/jobs/self-test — sends the job engine self-test event (admin); answers 202 with its event id.
import { z } from "zod";

import { jobsSelfTestRequested } from "@/inngest/events";
import { selfTestData } from "@/inngest/functions/jobs-self-test";
import { apiHandler } from "@/lib/http/api-handler";

export const POST = apiHandler(
  {
    access: "admin",
    body: selfTestData,
    doc: {
      operationId: "startJobsSelfTest",
      summary: "Send the job engine's self-test event",
      responses: {
        202: {
          description: "The event was sent",
          schema: z.object({ event_id: z.string() }),
          example: { event_id: "01JD7Q9Y4T3V5B8N2M6K0PZXWR" },
        },
      },
    },
  },
  async ({ body: data, deps: { inngest } }) => {
    const { ids } = await inngest.send(jobsSelfTestRequested.create(data));
    return Response.json({ event_id: ids[0] }, { status: 202 });
  },
);
