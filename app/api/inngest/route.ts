// /api/inngest — Inngest's serve handler: the Inngest server (or the embedded executor) calls it,
// signed, to run the app's functions step by step (POST) and to sync them (PUT). Unsigned or wrongly
// signed calls get 401; hostile bodies get 4xx, never a 5xx.
import { serve } from "inngest/next";

import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { getConfig } from "@/lib/config";
import { errorResponse, toErrorResponse } from "@/lib/errors";
import { processBodyBudget } from "@/lib/http/body-budget";
import { readBody } from "@/lib/http/read-json";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Inngest caps a run's state at 32 MB; nothing larger is a genuine call. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * A PUT (unsigned, by design of Inngest's out-of-band sync) tells Inngest where to call the app. The
 * URL comes from configuration, never from the request, so a spoofed Host cannot register the app elsewhere.
 */
const handler = serve({ client: inngest, functions, serveOrigin: getConfig().inngestServeOrigin, servePath: "/api/inngest" });
export const { GET } = handler;

type SdkMethod = (req: Request, context: unknown) => Promise<Response>;

/**
 * The SDK parses the body before checking the signature, and throws (a 500) when it is not JSON or is
 * missing where it needs one: refuse those as 400 first, then hand the checked bytes on.
 */
function withCheckedBody(sdk: SdkMethod, needsBody: (req: Request) => boolean) {
  return async (req: Request, context: unknown): Promise<Response> => {
    try {
      const raw = await readBody(req, MAX_BYTES);
      if (raw.length === 0 && needsBody(req)) return errorResponse(400, "missing_body", "The request needs a JSON body");
      if (raw.length > 0) {
        try {
          JSON.parse(raw.toString("utf8"));
        } catch {
          return errorResponse(400, "invalid_json", "The body is not valid JSON");
        }
      }
      const forwarded = new Request(req.url, {
        method: req.method,
        headers: req.headers,
        body: raw.length > 0 ? new Uint8Array(raw) : undefined,
      });
      return await sdk(forwarded, context);
    } catch (error) {
      return toErrorResponse(error, log);
    } finally {
      processBodyBudget().release(req);
    }
  };
}

export const POST = withCheckedBody(handler.POST as SdkMethod, () => false);
/** An in-band sync (Inngest asks, signed, and reads the app's functions from the answer) carries a body. */
export const PUT = withCheckedBody(handler.PUT as SdkMethod, (req) => req.headers.get("x-inngest-sync-kind") === "in_band");
