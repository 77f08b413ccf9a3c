// /api/inngest — Inngest's serve handler: the Inngest server (or the embedded executor) calls it,
// signed, to run the app's functions step by step. Unsigned or wrongly signed calls get 401.
import { serve } from "inngest/next";

import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { errorResponse, toErrorResponse } from "@/lib/errors";
import { readBody } from "@/lib/http/read-json";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Inngest caps a run's state at 32 MB; nothing larger is a genuine call. */
const MAX_BYTES = 32 * 1024 * 1024;

const handler = serve({ client: inngest, functions });
export const { GET, PUT } = handler;

/** The SDK parses the body before checking the signature and answers 500 when it is not JSON: refuse that as 400 first. */
export async function POST(req: Request, context: unknown): Promise<Response> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BYTES);
  } catch (error) {
    return toErrorResponse(error, log);
  }
  if (raw.length > 0) {
    try {
      JSON.parse(raw.toString("utf8"));
    } catch {
      return errorResponse(400, "invalid_json", "The body is not valid JSON");
    }
  }
  const forwarded = new Request(req.url, { method: "POST", headers: req.headers, body: raw.length > 0 ? new Uint8Array(raw) : undefined });
  return handler.POST(forwarded as never, context as never) as Promise<Response>;
}
