import type { InngestFunction } from "inngest";

/** Every background function of the app, served at /api/inngest. */
export const functions: InngestFunction.Any[] = [];
