import type { NextConfig } from "next";

import { ENDPOINT_CSP, HSTS, SECURITY_HEADERS } from "./lib/http/security-headers";

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
        headers: [HSTS],
      },
      ...ENDPOINTS.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: ENDPOINT_CSP }] })),
    ];
  },
};

export default nextConfig;
