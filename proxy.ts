// Runs before every page and /api/v1 request: tags it with a request id and keeps strangers out.
// Pages redirect to sign-in; the API answers 401 JSON (its handlers also accept bearer tokens).
import NextAuth from "next-auth";
import { NextResponse } from "next/server";

import { authConfig } from "@/auth.config";
import { log } from "@/lib/log";

const { auth } = NextAuth(authConfig);

export const proxy = auth((req) => {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const { pathname, search } = req.nextUrl;
  // JSON endpoints answer 401 instead of redirecting (their handlers also accept bearer tokens).
  const isApi = pathname.startsWith("/api/") || pathname === "/auth/github/installations";

  if (!req.auth && !isApi) {
    const signIn = new URL("/signin", req.nextUrl.origin);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    log.info("page", { request_id: requestId, path: pathname, status: 307, redirect: "/signin" });
    return NextResponse.redirect(signIn);
  }
  if (!req.auth && isApi && !req.headers.has("authorization")) {
    log.info("request", { request_id: requestId, method: req.method, path: pathname, status: 401 });
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in or send Authorization: Bearer <token>" } },
      { status: 401, headers: { "x-request-id": requestId } },
    );
  }

  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  if (!isApi) log.info("page", { request_id: requestId, path: pathname, user_id: req.auth?.user?.id });
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
});

export const config = {
  // Every path except lib/http/public-paths.ts's list and static files: proxyMatcher() there, pasted as a
  // literal because Next reads the matcher from this file's source (public-paths.test.ts keeps them equal).
  // Public paths stay out of the proxy entirely rather than being skipped at run time: a proxied request's
  // body is buffered and cut at 10 MB, and GitHub webhooks (25 MB) and Inngest calls (32 MB) are larger.
  matcher: [
    "/((?!signin|api/auth|api/health|api/inngest|api/v1/webhooks|webhooks/github|bench/|workflows/|metrics|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|css|js)$).*)",
  ],
};
