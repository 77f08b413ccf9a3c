import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { config } from "@/proxy";

import { isPublicPath, proxyMatcher, PUBLIC_PATH_PREFIXES } from "./public-paths";

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

/** Handlers that do not go through apiHandler (the framework's, and the bench's, 404 unless HOOKSMITH_BENCH=1): each answers strangers its own way, so each is public. */
const FRAMEWORK_ROUTES = ["/api/auth/x", "/api/inngest", "/bench/jobs", "/bench/noop"];

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** The URL a file under app/ answers: route groups dropped, each dynamic segment filled with "x". */
function urlPathOf(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? "x" : segment));
  return `/${segments.join("/")}`;
}

const routes = filesNamed(appDir, "route.ts").map((file) => {
  const source = readFileSync(file, "utf8");
  const accesses = [...source.matchAll(/access:\s*"(\w+)"/g)].map((match) => match[1]);
  return { path: urlPathOf(file), usesApiHandler: source.includes("apiHandler("), accesses };
});

describe("public paths (lib/http/public-paths.ts)", () => {
  it('include every route declaring access: "public"', () => {
    const publicRoutes = routes.filter((route) => route.accesses.includes("public")).map((route) => route.path);
    expect(publicRoutes.length).toBeGreaterThan(0);
    expect(publicRoutes.filter((route) => !isPublicPath(route))).toEqual([]);
  });

  it("include every framework route, and every other route goes through apiHandler with its access declared", () => {
    const others = routes.filter((route) => !route.usesApiHandler).map((route) => route.path);
    expect(others.sort()).toEqual([...FRAMEWORK_ROUTES].sort());
    expect(FRAMEWORK_ROUTES.filter((route) => !isPublicPath(route))).toEqual([]);
    expect(routes.filter((route) => route.usesApiHandler && route.accesses.length === 0)).toEqual([]);
  });

  it("each lead somewhere: a public route, a framework route, a page or a static file (no stale entries)", () => {
    const pages = filesNamed(appDir, "page.tsx").map(urlPathOf);
    const reachable = [
      ...routes.filter((route) => route.accesses.includes("public")).map((route) => route.path),
      ...FRAMEWORK_ROUTES,
      ...pages,
    ];
    const stale = PUBLIC_PATH_PREFIXES.filter(
      (prefix) => !reachable.some((route) => route.startsWith(prefix)) && !existsSync(path.join(root, "public", prefix)),
    );
    expect(stale).toEqual([]);
  });

  it("are what proxy.ts's matcher skips (paste proxyMatcher() there when the list changes)", () => {
    expect(config.matcher).toEqual([proxyMatcher()]);
  });
});
