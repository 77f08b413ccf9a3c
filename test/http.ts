/** Calls a route handler the way Next does: a Request and a context whose params are a Promise. */
export function callRoute<P>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  req: Request,
  params: P = {} as P,
): Promise<Response> {
  return handler(req, { params: Promise.resolve(params) });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
