import "server-only";

import type { OutboundEvent } from "@/db/schema";
import { processSingleton } from "@/lib/server/process-singleton";

type EmittedEventObserver = (event: OutboundEvent) => Promise<void>;

const slot = processSingleton("hooksmith.emitted-event-observer", (): { observer?: EmittedEventObserver } => ({}));

/** Sees every event as it is stored: the tests check each against the event catalogue (test/check-contract.ts). */
export function observeEmittedEvents(observer: EmittedEventObserver | undefined) {
  slot.observer = observer;
}

export const emittedEventObserver = () => slot.observer;
