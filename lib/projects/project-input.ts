import { z } from "zod";

const planPath = z
  .string()
  .trim()
  .max(300)
  .regex(/^[^/\0][^\0]*\.md$/i, "expected a markdown file path in the repository, e.g. docs/plan.md")
  .refine((path) => !path.split("/").includes(".."), "must not contain ..");

// Empty means "the default plan files", like an absent one.
const optionalPlanPath = z
  .preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), planPath.nullish())
  .transform((path) => path ?? null);

export const trackProjectSchema = z.object({
  repository: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name, e.g. demo-org/demo-app"),
  plan_path: optionalPlanPath,
});

export type TrackProjectInput = z.output<typeof trackProjectSchema>;

/** A tracked project's changes (PATCH): its plan path, null or empty for the default plan files. */
export const updateProjectSchema = z.strictObject({ plan_path: optionalPlanPath });

export type UpdateProjectInput = z.output<typeof updateProjectSchema>;
