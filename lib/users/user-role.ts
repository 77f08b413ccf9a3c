// A plain tuple with no imports, so pages can use it without shipping drizzle to the browser.

/** What a person may do: the `user_role` pgEnum. */
export const USER_ROLES = ["member", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
