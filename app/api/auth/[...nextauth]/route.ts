// Auth.js endpoints: GitHub OAuth sign-in (the simulator in demo mode), callback, session, sign-out.
import type { NextRequest } from "next/server";

import { handlers } from "@/auth";

/**
 * Auth.js builds the OAuth redirect_uri from the Host header in server actions but from req.url here,
 * and NextRequest rewrites 127.0.0.1 to "localhost" in req.url. GitHub refuses a token exchange whose
 * redirect_uri differs from the authorize request's, so this hands Auth.js a plain Request carrying the
 * host the browser used. (With AUTH_URL set, Auth.js uses that for both and the request passes as is.)
 */
function asBrowserSawIt(req: NextRequest): NextRequest {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host || process.env.AUTH_URL) return req;
  const url = new URL(req.url);
  url.host = host;
  const init: RequestInit & { duplex: "half" } = { method: req.method, headers: req.headers, body: req.body, duplex: "half" };
  // Auth.js reads only the standard Request API when AUTH_URL is unset.
  return new Request(url, init) as NextRequest;
}

export const GET = (req: NextRequest) => handlers.GET(asBrowserSawIt(req));
export const POST = (req: NextRequest) => handlers.POST(asBrowserSawIt(req));
