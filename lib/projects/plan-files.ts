import "server-only";

import path from "node:path";

/** Where a plan is looked for when a project names none, in this order. */
export const DEFAULT_PLAN_PATHS = ["docs/plan.md", "plan.md", "README.md"] as const;

/** Dependency manifests: a change to one re-processes the project at high priority. */
export const MANIFEST_FILES = new Set(["requirements.txt", "package.json", "Dockerfile", "pyproject.toml", "Cargo.toml", "go.mod"]);

export const planCandidates = (planPath: string | null): readonly string[] => (planPath ? [planPath] : DEFAULT_PLAN_PATHS);

export const isManifest = (file: string) => MANIFEST_FILES.has(path.posix.basename(file));
