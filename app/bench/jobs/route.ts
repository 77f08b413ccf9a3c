// POST /bench/jobs {count, steps} — `npm run bench` (bench/executor.mjs) sends `count` events that each start
// a no-op run of `steps` steps on the job engine. 404 unless HOOKSMITH_BENCH=1.
import { inngest } from "@/inngest/client";
import { benchJobRequested } from "@/inngest/events";

export const dynamic = "force-dynamic";

/** Events per `inngest.send`, as a producer sending a burst would. */
const EVENTS_PER_SEND = 100;

export async function POST(req: Request) {
  if (process.env.HOOKSMITH_BENCH !== "1") return new Response("Not Found", { status: 404 });
  const { count, steps } = (await req.json()) as { count: number; steps: number };
  for (let sent = 0; sent < count; sent += EVENTS_PER_SEND) {
    await inngest.send(Array.from({ length: Math.min(EVENTS_PER_SEND, count - sent) }, () => benchJobRequested.create({ steps })));
  }
  return Response.json({ sent: count });
}
