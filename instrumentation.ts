// Next calls register() once when the server process starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("@/lib/server/start-server");
  try {
    await startServer();
  } catch (error) {
    // Thrown, Next would log it and keep serving a process that never becomes ready: stop, saying why.
    console.error("Hooksmith did not start:", error);
    process.exit(1);
  }
}
