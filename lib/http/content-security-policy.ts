import "server-only";

/**
 * The Content-Security-Policy of every page: scripts and <style> elements only with this response's
 * nonce (Next puts it on its own scripts and styles when it finds it in the request's CSP header),
 * nothing framed, no plugins, forms only to this origin and GitHub's sign-in pages.
 * Style attributes stay allowed (`style-src-attr`): React renders some (charts, progress bars) and a
 * style attribute cannot run code.
 */
export function contentSecurityPolicy(options: { nonce: string; formTargets: string[]; https: boolean; dev: boolean }): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted; eval only for React's dev tooling.
    `script-src 'self' ${nonce} 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${nonce}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...options.formTargets].join(" ")}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
