import { afterAll } from "vitest";

import { processRouteDeps, setRouteDepsProvider, type RouteDeps } from "@/lib/http/route-deps";
import type { Logger } from "@/lib/log";

/**
 * Gives this test file's route handlers `overrides` in place of the process's deps (the rest stay the
 * process's: the test database, the test configuration). Restored after the file.
 */
export function injectRouteDeps(overrides: Partial<RouteDeps> | ((log: Logger) => Partial<RouteDeps>)) {
  setRouteDepsProvider((log) => ({ ...processRouteDeps(log), ...(typeof overrides === "function" ? overrides(log) : overrides) }));
  afterAll(() => setRouteDepsProvider(undefined));
}
