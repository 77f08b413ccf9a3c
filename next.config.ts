import type { NextConfig } from "next";

/** Headers on every response; pages also get a nonce-based Content-Security-Policy from proxy.ts. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** Paths the proxy does not run on (JSON, text, redirects): a policy that allows nothing to run or frame them. */
const ENDPOINT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const ENDPOINTS = ["/api/:path*", "/webhooks/:path*", "/metrics", "/bench/:path*", "/workflows/:path*"];

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@simulacrum/github-api-simulator"],
  poweredByHeader: false,
  // The API reference serves Scalar's browser bundle from node_modules (app/docs/api/scalar.js/route.ts).
  outputFileTracingIncludes: { "/docs/api/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"] },
  // The image runs .next/standalone/server.js: the server with only the node_modules it uses (Dockerfile).
  // `next start` (npm start, e2e) serves the same build.
  output: "standalone",
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // HSTS only when the request came over https (TLS ends at the proxy in front of Next).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
      ...ENDPOINTS.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: ENDPOINT_CSP }] })),
    ];
  },
};

export default nextConfig;
