// /api/inngest — Inngest's serve handler: the Inngest server (or the embedded executor) calls it,
// signed, to run the app's functions step by step. Unsigned or wrongly signed calls get 401.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
