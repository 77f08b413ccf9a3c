import type { EmbeddedExecutor } from "./executor";

// The process's embedded executor, shared by every bundle Next loads (instrumentation, routes).
const EXECUTOR = Symbol.for("hooksmith.embedded-executor");
type Holder = { [EXECUTOR]?: EmbeddedExecutor };

export function setEmbeddedExecutor(executor: EmbeddedExecutor | undefined) {
  (globalThis as Holder)[EXECUTOR] = executor;
}

export function getEmbeddedExecutor(): EmbeddedExecutor {
  const executor = (globalThis as Holder)[EXECUTOR];
  if (!executor) throw new Error("The embedded job executor is not running in this process");
  return executor;
}
