import "server-only";

/** Pages anyone may see: the proxy runs on them (for their security headers) but lets strangers through. */
const PUBLIC_PAGE_PREFIXES = ["/signin"] as const;

/**
 * Endpoints anyone may reach without signing in, as prefixes of the path: Auth.js, health, metrics
 * (bearer-checked by its route when METRICS_TOKEN is set), Inngest, the inbound webhooks (signed, checked
 * by their routes), the benchmark's bare route and the shipped workflow files. The proxy never runs on
 * them (its matcher is built from this list).
 */
const PUBLIC_ENDPOINT_PREFIXES = [
  "/api/auth",
  "/api/health",
  "/api/inngest",
  "/api/v1/webhooks",
  "/webhooks/github",
  "/bench/",
  "/workflows/",
  "/metrics",
] as const;

/** Every path anyone may reach; every route declaring `access: "public"` must be under one (lib/http/public-paths.test.ts). */
export const PUBLIC_PATH_PREFIXES = [...PUBLIC_PAGE_PREFIXES, ...PUBLIC_ENDPOINT_PREFIXES];

/** Files the proxy never sees either: Next's build output, optimised images, the favicon, static assets. */
const STATIC_PATHS = ["_next/static", "_next/image", "favicon.ico", ".*\\.(?:png|svg|ico|jpg|css|js)$"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/**
 * The proxy's `config.matcher`: every path except the public endpoints and static files. Next reads the
 * matcher from proxy.ts's source at build time, so it must be written there as a literal; the test keeps
 * that literal equal to this.
 */
export function proxyMatcher(): string {
  const skipped = [...PUBLIC_ENDPOINT_PREFIXES.map((prefix) => escapeRegExp(prefix.slice(1))), ...STATIC_PATHS];
  return `/((?!${skipped.join("|")}).*)`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
