import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@simulacrum/github-api-simulator"],
  poweredByHeader: false,
  // The API reference serves Scalar's browser bundle from node_modules (app/docs/api/scalar.js/route.ts).
  outputFileTracingIncludes: { "/docs/api/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"] },
};

export default nextConfig;
