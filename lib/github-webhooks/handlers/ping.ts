import "server-only";

import { processed, type GithubEventHandler } from "../processed-webhook";

/** GitHub's hello when the webhook is set up: nothing to do but mark it processed. */
export const handlePing: GithubEventHandler = async () => processed("ping");
