import { z } from "zod";

/** What a person may change about themselves (PATCH /api/v1/me and the account page): only the display name. */
export const profileSchema = z
  .object({
    name: z.string().trim().min(1, "Give a display name").max(100, "At most 100 characters"),
  })
  .strict();

export type ProfileInput = z.output<typeof profileSchema>;
