import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@simulacrum/github-api-simulator"],
  poweredByHeader: false,
  // The image runs .next/standalone/server.js: the server with only the node_modules it uses (Dockerfile).
  // `next start` (npm start, e2e) serves the same build.
  output: "standalone",
};

export default nextConfig;
