// Runs before every page and /api/v1 request: tags it with a request id, keeps strangers out and gives
// each page its Content-Security-Policy with a fresh nonce. Pages redirect to sign-in; the API answers
// 401 JSON (its handlers also accept bearer tokens); public pages (sign-in) let everyone through.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";

import { authConfig } from "@/auth.config";
import { getConfig } from "@/lib/config";
import { githubUrls } from "@/lib/github/github-urls";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { isPublicPath } from "@/lib/http/public-paths";
import { log } from "@/lib/log";

const { auth } = NextAuth(authConfig);

export const proxy = auth((req) => {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const { pathname, search } = req.nextUrl;
  // JSON endpoints answer 401 instead of redirecting (their handlers also accept bearer tokens).
  const isApi = pathname.startsWith("/api/") || pathname === "/auth/github/installations";

  const isPublic = isPublicPath(pathname);

  if (!req.auth && !isApi && !isPublic) {
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
  // The API reference (app/docs/api) sets a policy of its own: its viewer injects <style> elements.
  if (isApi || pathname.startsWith("/docs/api")) {
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("x-request-id", requestId);
    return response;
  }
  log.info("page", { request_id: requestId, path: pathname, user_id: req.auth?.user?.id });
  // Next reads the nonce from the request's CSP header and puts it on the scripts and styles it renders.
  const nonce = newNonce();
  const config = getConfig();
  const policy = contentSecurityPolicy({
    nonce,
    formTargets: [githubUrls(config).web], // signing in posts a form that redirects to GitHub's authorize page
    https: req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https",
    dev: config.NODE_ENV === "development",
  });
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-request-id", requestId);
  return response;
});

export const config = {
  // Every path except lib/http/public-paths.ts's public endpoints and static files: proxyMatcher() there, pasted as a
  // literal because Next reads the matcher from this file's source (public-paths.test.ts keeps them equal).
  // Public endpoints stay out of the proxy entirely rather than being skipped at run time: a proxied request's
  // body is buffered and cut at 10 MB, and GitHub webhooks (25 MB) and Inngest calls (32 MB) are larger.
  matcher: [
    "/((?!api/auth|api/health|api/inngest|api/v1/webhooks|webhooks/github|bench/|workflows/|metrics|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|css|js)$).*)",
  ],
};
