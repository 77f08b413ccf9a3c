import "server-only";

import { processSingleton } from "@/lib/server/process-singleton";

import type { EmbeddedExecutor } from "./create-embedded-executor";

// The process's embedded executor, shared by every bundle Next loads (instrumentation, routes).
const current = processSingleton("hooksmith.embedded-executor", (): { executor?: EmbeddedExecutor } => ({}));

export function setEmbeddedExecutor(executor: EmbeddedExecutor | undefined) {
  current.executor = executor;
}

export function getEmbeddedExecutor(): EmbeddedExecutor {
  const { executor } = current;
  if (!executor) throw new Error("The embedded job executor is not running in this process");
  return executor;
}
