import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["./test/global-setup.ts"],
    // Each test file gets its own database, so files run in parallel safely.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: "error", NODE_ENV: "test" },
  },
});
