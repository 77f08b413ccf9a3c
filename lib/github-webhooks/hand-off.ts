import "server-only";

import type { Logger } from "@/lib/log";

export interface HandOffEvent {
  name: string;
  data: Record<string, unknown>;
}

export interface HandOff<TEvent extends HandOffEvent = HandOffEvent> {
  /** Queues an event; returns at once. */
  add(event: TEvent): void;
  /** Resolves once everything queued so far was sent or given up on. */
  drained(): Promise<void>;
}

/**
 * Hands recorded deliveries to the processing function off the request path: the stored row is the
 * durable record, so a webhook is answered once its row is written. One send is in flight at a time and
 * whatever arrives meanwhile goes out together in the next, so batches grow with the load and add no
 * delay when it is light. A failed send is retried after `retryDelaysMs`; past those, the rows stay
 * `received` and requeueStuckWebhookEvents hands them over again.
 */
export function createHandOff<TEvent extends HandOffEvent>(
  send: (events: TEvent[]) => Promise<unknown>,
  log: Logger,
  options: { maxBatch?: number; retryDelaysMs?: number[] } = {},
): HandOff<TEvent> {
  const { maxBatch = 200, retryDelaysMs = [200, 1000, 5000] } = options;
  const queue: TEvent[] = [];
  let sending: Promise<void> | null = null;

  const sendWithRetries = async (batch: TEvent[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await send(batch);
        return;
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (delay === undefined) {
          log.error("github webhooks not handed over; the stuck-event sweep will", { count: batch.length, error });
          return;
        }
        log.warn("github webhook hand-over failed; retrying", { count: batch.length, retry_in_ms: delay, error });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  const pump = async () => {
    while (queue.length) {
      await sendWithRetries(queue.splice(0, maxBatch));
    }
    sending = null;
  };

  return {
    add(event) {
      queue.push(event);
      sending ??= pump();
    },
    async drained() {
      while (sending) await sending;
    },
  };
}
