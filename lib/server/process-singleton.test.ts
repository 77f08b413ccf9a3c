import { describe, expect, it, vi } from "vitest";

import { processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("creates the value once per process and hands the same one to every caller of the key", () => {
    const create = vi.fn(() => ({ count: 0 }));
    const first = processSingleton("hooksmith.test.singleton", create);
    first.count++;
    // A second bundle loading the same module asks again with the same key.
    const second = processSingleton("hooksmith.test.singleton", create);
    expect(second).toBe(first);
    expect(second.count).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
