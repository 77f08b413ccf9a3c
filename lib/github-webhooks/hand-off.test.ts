import { describe, expect, it, vi } from "vitest";

import { createLogger } from "@/lib/log";

import { createHandOff, type HandOffEvent } from "./hand-off";

const event = (n: number): HandOffEvent => ({ name: "github/webhook.received", data: { event_id: n } });
const ids = (batch: HandOffEvent[]) => batch.map((item) => item.data.event_id);

describe("the GitHub delivery hand-off", () => {
  it("sends the first event at once and whatever arrives during a send together in the next, in order", async () => {
    const batches: HandOffEvent[][] = [];
    let release!: () => void;
    const send = vi.fn(async (batch: HandOffEvent[]) => {
      batches.push(batch);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const handOff = createHandOff(send, createLogger({ test: true }), { maxBatch: 3 });

    handOff.add(event(1));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    for (let n = 2; n <= 6; n++) handOff.add(event(n));
    release();
    await handOff.drained();

    expect(batches.map(ids)).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("retries a failed send after the configured delays, then gives the batch up to the stuck-event sweep", async () => {
    const log = createLogger({ test: true });
    const error = vi.spyOn(log, "error");
    const send = vi.fn(async (_batch: HandOffEvent[]): Promise<void> => {
      throw new Error("executor unavailable");
    });
    const handOff = createHandOff(send, log, { retryDelaysMs: [1, 1] });

    handOff.add(event(1));
    await handOff.drained();

    expect(send).toHaveBeenCalledTimes(3);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("stuck-event sweep"), expect.objectContaining({ count: 1 }));
    // Later events still go out.
    send.mockResolvedValueOnce(undefined);
    handOff.add(event(2));
    await handOff.drained();
    expect(send).toHaveBeenLastCalledWith([event(2)]);
  });
});
