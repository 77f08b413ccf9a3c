/** Calls a route handler the way Next does: a Request and a context whose params are a Promise. */
export function callRoute<P>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  req: Request,
  params: P = {} as P,
): Promise<Response> {
  return handler(req, { params: Promise.resolve(params) });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * What a signed-in browser sends: its session cookie and its own Origin. Outside Next there is no request
 * scope for next-auth's `auth()`, so a test that uses this hands the routes a session (test/session.ts).
 */
export const sessionHeaders = (origin = "http://app.test") => ({ cookie: "authjs.session-token=test-session", origin });
