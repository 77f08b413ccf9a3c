import "server-only";

import { processSingleton } from "@/lib/server/process-singleton";

/** Sees each answer of an apiHandler route with the handler that gave it. */
export type ResponseObserver = (handler: object, req: Request, response: Response) => Promise<void>;

// A light module of its own, so the test setup can install an observer without loading every route's deps.
const slot = processSingleton("hooksmith.response-observer", (): { observer?: ResponseObserver; routesDeclared?: boolean } => ({}));

/** The tests check every answer against the OpenAPI document through this (test/check-responses.ts). */
export function observeResponses(observer: ResponseObserver | undefined) {
  slot.observer = observer;
}

export const responseObserver = () => slot.observer;

/** apiHandler notes that a route exists in this process (the tests then load the document before the first test). */
export function noteRouteDeclared() {
  slot.routesDeclared = true;
}

export const routesDeclared = () => slot.routesDeclared === true;
