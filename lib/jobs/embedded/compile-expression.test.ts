import { describe, expect, it } from "vitest";

import { compileExpression, UnsupportedExpressionError } from "./compile-expression";

describe("compileExpression", () => {
  it("evaluates what `match` compiles to", () => {
    const matches = compileExpression("event.data.featureId == async.data.featureId");
    expect(matches({ event: { data: { featureId: "f1" } }, async: { data: { featureId: "f1" } } })).toBe(true);
    expect(matches({ event: { data: { featureId: "f1" } }, async: { data: { featureId: "f2" } } })).toBe(false);
    expect(matches({ event: { data: { featureId: "f1" } }, async: { data: {} } })).toBe(false);
  });

  it("evaluates literals, != and &&", () => {
    const matches = compileExpression(`event.data.kind == 'push' && event.data.count != 0 && event.data.ok == true`);
    expect(matches({ event: { data: { kind: "push", count: 2, ok: true } } })).toBe(true);
    expect(matches({ event: { data: { kind: "push", count: 0, ok: true } } })).toBe(false);
  });

  it.each(["event.data.x > 3", "size(event.data.items) == 2", "event.data.x == 1 || event.data.y == 2", "x == 1"])(
    "refuses %s with a clear message",
    (expression) => {
      expect(() => compileExpression(expression)).toThrow(UnsupportedExpressionError);
      expect(() => compileExpression(expression)).toThrow(/cannot evaluate the expression/);
    },
  );
});
