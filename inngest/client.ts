import { Inngest } from "inngest";

/** The app's Inngest client: background work is sent to it as events and run as its functions. */
export const inngest = new Inngest({ id: "hooksmith" });
