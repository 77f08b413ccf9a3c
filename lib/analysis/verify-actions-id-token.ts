import "server-only";

import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";

import { processSingleton } from "@/lib/server/process-singleton";

/** github.com's Actions token issuer; GitHub Enterprise Server's is https://HOST/_services/token. */
export const GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";

/** The issuer of the Actions ID tokens minted by the GitHub at `webUrl` (github.com, a GHES host, or the simulator). */
export function actionsOidcIssuer(webUrl: string): string {
  return webUrl === "https://github.com" ? GITHUB_ACTIONS_ISSUER : `${webUrl}/_services/token`;
}

/** The claims a callback is matched on (GitHub sends many more; they are kept but not needed). */
const actionsClaimsSchema = z.looseObject({
  repository: z.string().min(1),
  run_id: z.string().min(1),
});

export type ActionsClaims = z.output<typeof actionsClaimsSchema>;

export type IdTokenVerdict = { ok: true; claims: ActionsClaims } | { ok: false; reason: string };

/**
 * Verifies a GitHub Actions OIDC ID token: its issuer is trusted, its signature checks against the
 * issuer's JWKS (found through the discovery document), and its audience and lifetime are right. Which
 * repository and run it names is the caller's to check.
 */
export async function verifyActionsIdToken(
  token: string,
  options: { audience: string; issuers: string[]; now: Date },
): Promise<IdTokenVerdict> {
  let issuer: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return { ok: false, reason: "The bearer token is not a JWT" };
  }
  if (!issuer || !options.issuers.includes(issuer))
    return { ok: false, reason: `The ID token's issuer ${issuer ?? "(none)"} is not trusted` };
  try {
    const { payload } = await jwtVerify(token, issuerKeys(issuer), {
      issuer,
      audience: options.audience,
      currentDate: options.now,
      algorithms: ["RS256"],
    });
    const claims = actionsClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: "The ID token has no repository or run_id claim" };
    return { ok: true, claims: claims.data };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "The ID token has expired" };
    if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `The ID token's ${error.claim} claim is wrong` };
    if (error instanceof errors.JOSEError) return { ok: false, reason: `The ID token does not verify: ${error.message}` };
    throw error;
  }
}

/** The issuer's signing keys, from the jwks_uri of its discovery document; fetched once per process, refreshed by jose. */
function issuerKeys(issuer: string): JWTVerifyGetKey {
  const cache = processSingleton("hooksmith.oidc-jwks", () => new Map<string, JWTVerifyGetKey>());
  let keys = cache.get(issuer);
  if (!keys) {
    const discovered = discoverJwksUri(issuer);
    // A failed discovery is forgotten, so the next callback tries again.
    discovered.catch(() => cache.delete(issuer));
    let remote: JWTVerifyGetKey | undefined;
    keys = async (header, token) => {
      remote ??= createRemoteJWKSet(new URL(await discovered), { timeoutDuration: 10_000 });
      return remote(header, token);
    };
    cache.set(issuer, keys);
  }
  return keys;
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OIDC discovery at ${issuer} answered ${response.status}`);
  const { jwks_uri: jwksUri } = z.object({ jwks_uri: z.url() }).parse(await response.json());
  return jwksUri;
}
