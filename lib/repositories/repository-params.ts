import { z } from "zod";

/** `{owner}/{repo}` path segments, as GitHub allows them: anything else is a 404. */
export const repositoryParams = z
  .object({ owner: z.string().regex(/^[A-Za-z0-9-]{1,39}$/), repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/) })
  .transform(({ owner, repo }) => ({ repository: `${owner}/${repo}` }));
