import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules import "server-only", which throws outside a React server bundle; tests run them on Node.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; Vite resolves it.
    server: { deps: { inline: ["next-auth"] } },
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["./test/global-setup.ts"],
    // Every route answer and every emitted event is checked against the published contract.
    setupFiles: ["./test/check-contract.ts"],
    // Each test file gets its own database, so files run in parallel safely.
    pool: "forks",
    testTimeout: 20_000,
    // Waits for simulated runs and background jobs: generous, since CI machines run every file at once.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // DATA_DIR holds generated keys (the embedded Inngest signing key): keep them out of the work tree.
    // WEBHOOK_SECRET: the root every repository's callback key derives from (test/features.ts TEST_WEBHOOK_SECRET).
    env: {
      LOG_LEVEL: "error",
      NODE_ENV: "test",
      DATA_DIR: path.join(os.tmpdir(), "hooksmith-vitest"),
      WEBHOOK_SECRET: "test-webhook-secret-0123456789abcdef",
    },
  },
});
