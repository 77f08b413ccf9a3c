import "server-only";

import { processSlot } from "@/lib/server/process-singleton";

import type { EmbeddedExecutor } from "./create-embedded-executor";

// The process's embedded executor, shared by every bundle Next loads (instrumentation, routes).
const executorSlot = processSlot<EmbeddedExecutor>(
  "hooksmith.embedded-executor",
  "The embedded job executor is not running in this process",
);

export const setEmbeddedExecutor = executorSlot.set;
export const getEmbeddedExecutor = executorSlot.get;
