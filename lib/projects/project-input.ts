import { z } from "zod";

const planPath = z
  .string()
  .trim()
  .max(300)
  .regex(/^[^/\0][^\0]*\.md$/i, "expected a markdown file path in the repository, e.g. docs/plan.md")
  .refine((path) => !path.split("/").includes(".."), "must not contain ..");

export const trackProjectSchema = z.object({
  repository: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name, e.g. demo-org/demo-app"),
  // Empty means "the default plan files", like an absent one.
  plan_path: z
    .preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), planPath.nullish())
    .transform((path) => path ?? null),
});

export type TrackProjectInput = z.output<typeof trackProjectSchema>;
