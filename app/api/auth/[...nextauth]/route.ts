// Auth.js endpoints: GitHub OAuth sign-in (the simulator in demo mode), callback, session, sign-out.
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
