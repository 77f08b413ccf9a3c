import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
/** The app: what a production server runs. The simulator is a product beside it, for demo mode and tests. */
const APP_FOLDERS = ["app", "lib", "inngest", "db", "components"];
const APP_ROOT_FILES = ["instrumentation.ts", "proxy.ts", "auth.ts", "auth.config.ts"];
/** The one module that starts the simulator, in demo mode only. */
const DEMO_START = "lib/server/start-server.ts";

// Any import, export-from, dynamic import() or require() whose specifier reaches the simulator's folder.
const SIMULATOR_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']*github-simulator(?:\/[^"']*)?)["']/g;

function sourceFiles(folder: string): string[] {
  // Files only: a route folder may be named like a file (docs/api/scalar.js).
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|tsx|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** Specifiers that resolve into github-simulator/, relative ones included; not e.g. @/test/github-simulator. */
function simulatorImports(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return [...source.matchAll(SIMULATOR_IMPORT)]
    .map((match) => match[1]!)
    .filter((specifier) => {
      const target = specifier.startsWith("@/")
        ? specifier.slice(2)
        : specifier.startsWith(".")
          ? path.join(path.dirname(file), specifier)
          : specifier;
      return target === "github-simulator" || target.startsWith("github-simulator/");
    });
}

describe("the app does not depend on the GitHub simulator", () => {
  it("no app module imports github-simulator/ except the demo start (tests may)", () => {
    const offenders = [...APP_FOLDERS.flatMap(sourceFiles), ...APP_ROOT_FILES]
      .filter((file) => file !== DEMO_START && !file.endsWith(".test.ts"))
      .filter((file) => simulatorImports(file).length > 0);
    expect(offenders).toEqual([]);
  });

  it("the demo start imports it only dynamically, so a production server never loads it", () => {
    const source = readFileSync(path.join(ROOT, DEMO_START), "utf8");
    const imports = simulatorImports(DEMO_START);
    expect(imports.length).toBeGreaterThan(0);
    expect(source).not.toMatch(/^\s*import\s[^(]*["'][^"']*github-simulator/m);
    expect(source).not.toMatch(/^\s*export\s[^;]*from\s*["'][^"']*github-simulator/m);
  });
});
