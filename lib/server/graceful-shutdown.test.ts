import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";

import { createLogger } from "@/lib/log";

import { installGracefulShutdown, isShuttingDown, onShutdown, shutDown, watchHttpServers, type ShutdownPart } from "./graceful-shutdown";

const log = createLogger({ test: true });

/** A part that records what happened to it; its drain ends when `finish` is called. */
function recordingPart(name: string, events: string[]) {
  let finish!: () => void;
  const drained = new Promise<void>((resolve) => (finish = resolve));
  const part: ShutdownPart = {
    name,
    drain: async () => {
      events.push(`${name} drain`);
      await drained;
      events.push(`${name} drained`);
    },
    abandon: async () => void events.push(`${name} abandon`),
    close: async () => void events.push(`${name} close`),
  };
  return { part, finish };
}

describe("graceful shutdown", () => {
  it("lets in-flight work finish, stops the server after it, and closes in reverse order (database last)", async () => {
    const events: string[] = [];
    const database: ShutdownPart = { name: "database", close: async () => void events.push("database close") };
    const executor = recordingPart("executor", events);
    const server = createServer((_request, response) => response.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.on("close", () => events.push("server closed"));

    const done = shutDown({ parts: [database, executor.part], servers: [server], timeoutMs: 10_000, log });
    await expect.poll(() => events).toContain("executor drain");
    // While the step is in flight the server still answers (the executor drives steps through it).
    expect((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).status).toBe(200);
    executor.finish();
    await done;
    expect(events).toEqual(["executor drain", "executor drained", "server closed", "executor close", "database close"]);
  });

  it("past the timeout, hands unfinished work back before closing", async () => {
    const events: string[] = [];
    const executor = recordingPart("executor", events);
    await shutDown({ parts: [executor.part], servers: [], timeoutMs: 50, log });
    expect(events).toEqual(["executor drain", "executor abandon", "executor close"]);
  });

  it("on SIGTERM drains and exits 0; a repeat delivered with it is ignored; a later second signal exits 1 at once", async () => {
    const exits: number[] = [];
    const events: string[] = [];
    const executor = recordingPart("executor", events);
    const listenersBefore = new Set([...process.listeners("SIGTERM"), ...process.listeners("SIGINT")]);
    onTestFinished(() => {
      for (const signal of ["SIGTERM", "SIGINT"] as const)
        for (const listener of process.listeners(signal)) if (!listenersBefore.has(listener)) process.off(signal, listener);
    });
    watchHttpServers();
    onShutdown(executor.part);
    installGracefulShutdown({ timeoutMs: 30_000, log, exit: (code) => void exits.push(code) });
    process.emit("SIGTERM", "SIGTERM");
    process.emit("SIGINT", "SIGINT"); // the terminal's process group and npm both deliver Ctrl+C
    expect(isShuttingDown()).toBe(true);
    await expect.poll(() => events).toContain("executor drain");
    expect(exits).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the window that treats a repeat as the same signal
    process.emit("SIGTERM", "SIGTERM");
    expect(exits).toEqual([1]);
    executor.finish();
    await expect.poll(() => exits).toEqual([1, 0]);
  });
});
