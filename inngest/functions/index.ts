import type { InngestFunction } from "inngest";
import { jobsSelfTest } from "./jobs-self-test";

/** Every background function of the app, served at /api/inngest. */
export const functions: InngestFunction.Any[] = [jobsSelfTest];
