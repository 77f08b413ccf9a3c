import { randomUUID } from "node:crypto";
import type { Router } from "express";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

import { stableId } from "./demo-users";
import { simulatedHeadSha } from "./simulated-run";
import type { SimulatedRun, SimulatorState } from "./simulator-state";

/** GitHub Enterprise Server's layout: the Actions token service lives at <host>/_services/token. */
export const OIDC_ISSUER_PATH = "/_services/token";
const KEY_ID = "simulator-actions-oidc";
const TOKEN_LIFETIME_SECONDS = 5 * 60;

export interface OidcIssuer {
  /** The issuer URL (the `iss` claim), known once the simulator listens. */
  issuer(): string;
  /** An ID token for `run`, as a workflow step with `id-token: write` gets from ACTIONS_ID_TOKEN_REQUEST_URL. */
  mintRunToken(run: SimulatedRun, audience: string): Promise<string>;
  /** Serves the discovery document, the JWKS and the token request endpoint. */
  addRoutes(router: Router, state: SimulatorState): void;
}

/**
 * GitHub Actions' OIDC provider, simulated: a discovery document, the JWKS, and ID tokens for the
 * simulator's runs with the claims GitHub puts in them. `GET <issuer>/idtoken?audience=…` with the
 * run's request token answers `{ value }`, as ACTIONS_ID_TOKEN_REQUEST_URL does.
 */
export async function createOidcIssuer(webUrl: () => string): Promise<OidcIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const issuer = () => `${webUrl()}${OIDC_ISSUER_PATH}`;
  const mintRunToken = (run: SimulatedRun, audience: string) => signRunToken(privateKey, issuer(), run, audience);
  const addRoutes = (router: Router, state: SimulatorState) => {
    router.get(`${OIDC_ISSUER_PATH}/.well-known/openid-configuration`, (_req, res) => {
      res.json({
        issuer: issuer(),
        jwks_uri: `${issuer()}/.well-known/jwks`,
        subject_types_supported: ["public", "pairwise"],
        response_types_supported: ["id_token"],
        claims_supported: [
          "sub",
          "aud",
          "exp",
          "iat",
          "iss",
          "jti",
          "nbf",
          "ref",
          "repository",
          "repository_id",
          "repository_owner",
          "run_id",
          "run_number",
          "run_attempt",
          "actor",
          "workflow",
          "event_name",
          "ref_type",
          "job_workflow_ref",
        ],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid"],
      });
    });
    router.get(`${OIDC_ISSUER_PATH}/.well-known/jwks`, async (_req, res) => {
      res.json({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: "RS256", use: "sig" }] });
    });
    router.get(`${OIDC_ISSUER_PATH}/idtoken`, async (req, res) => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const run = [...state.runs.values()].find((candidate) => candidate.idTokenRequestToken === token);
      if (!token || !run || run.status !== "in_progress") return void res.status(401).json({ message: "Bad credentials" });
      const audience =
        typeof req.query.audience === "string" && req.query.audience ? req.query.audience : `${webUrl()}/${run.repository.split("/")[0]}`;
      res.json({ count: 1, value: await mintRunToken(run, audience) });
    });
  };
  return { issuer, mintRunToken, addRoutes };
}

function signRunToken(key: CryptoKey, issuer: string, run: SimulatedRun, audience: string): Promise<string> {
  const [owner] = run.repository.split("/");
  const ref = `refs/heads/${run.ref}`;
  const sha = simulatedHeadSha(run);
  const workflowRef = `${run.repository}/${run.workflowPath}@${ref}`;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    ref,
    sha: sha,
    repository: run.repository,
    repository_owner: owner,
    repository_owner_id: String(stableId(`account:${owner}`)),
    repository_id: String(stableId(`repository:${run.repository}`)),
    repository_visibility: "private",
    run_id: String(run.id),
    run_number: String(run.runNumber),
    run_attempt: "1",
    actor: "hooksmith-demo",
    actor_id: String(stableId("account:hooksmith-demo")),
    workflow: run.workflowName,
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    head_ref: "",
    base_ref: "",
    event_name: "workflow_dispatch",
    ref_type: "branch",
    ref_protected: "false",
    runner_environment: "github-hosted",
  })
    .setProtectedHeader({ alg: "RS256", kid: KEY_ID, typ: "JWT" })
    .setIssuer(issuer)
    .setSubject(`repo:${run.repository}:ref:${ref}`)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .sign(key);
}
