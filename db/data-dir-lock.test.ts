import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { DataDirInUseError, lockDataDir } from "./data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("lockDataDir", () => {
  it("takes the directory for this process and gives it back on release", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "hooksmith.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "hooksmith.lock"))).toBe(false);
  });

  it("refuses a directory another live process holds, naming it and what to do", async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path.join(dir, "hooksmith.lock"), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(`is in use by another Hooksmith process (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that has died", async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(path.join(dir, "hooksmith.lock"), String(dead.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "hooksmith.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
