// GET|POST /bench/noop — `npm run bench`'s baseline: a bare route handler answering 200 with no work, so
// the benchmark can put the webhook route's cost next to Next.js's own. 404 unless HOOKSMITH_BENCH=1.
export const dynamic = "force-dynamic";

function noop() {
  if (process.env.HOOKSMITH_BENCH !== "1") return new Response("Not Found", { status: 404 });
  return Response.json({ status: "ok" });
}

export const GET = noop;

export async function POST(req: Request) {
  if (process.env.HOOKSMITH_BENCH !== "1") return new Response("Not Found", { status: 404 });
  await req.arrayBuffer();
  return noop();
}
