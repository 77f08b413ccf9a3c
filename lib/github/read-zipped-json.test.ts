import { deflateSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { ArtifactContentError, readZippedJson } from "./workflows";

const FILE = "analysis-result.json";
const input = { artifact: "analysis-f1", file: FILE };
const read = (zip: Uint8Array) => readZippedJson(zip, input);

/** A zip whose central directory says `declared` bytes for an entry that inflates to far more. */
function lyingZip(actual: Uint8Array, declared: number): Uint8Array {
  const zip = zipSync({ [FILE]: actual });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Uncompressed size: offset 22 in the local header, 24 in the central directory entry.
  view.setUint32(22, declared, true);
  const central = zip.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50 && i > 0);
  view.setUint32(central + 24, declared, true);
  return zip;
}

describe("reading the result artifact (zip bombs)", () => {
  it("reads the result file of a normal artifact", () => {
    expect(read(zipSync({ [FILE]: strToU8('{"feature_id":"f1"}') }))).toEqual({ feature_id: "f1" });
  });

  it("refuses a zip bomb (64 MB of zeros in a ~64 KB zip) from its declared size, without inflating it", () => {
    const bomb = zipSync({ [FILE]: new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(() => read(bomb)).toThrow(
      new ArtifactContentError(`Artifact analysis-f1 was refused: ${FILE} unpacks to 67108864 bytes, over the 16777216-byte limit`),
    );
  });

  it("never inflates past a size the zip lies about", () => {
    const bomb = lyingZip(new Uint8Array(32 * 1024 * 1024).fill(0x20), 16);
    expect(() => read(bomb)).toThrow(ArtifactContentError);
  });

  it("refuses an artifact with too many entries, before reading any of them", () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}.txt`, strToU8("x")]));
    expect(() => read(zipSync({ ...many, [FILE]: strToU8("{}") }))).toThrow("it holds more than 100 files");
  });

  it("refuses an oversized zip outright, and a zip that is not one", () => {
    expect(() => readZippedJson(zipSync({ [FILE]: strToU8("{}") }), input, { zipBytes: 10, entries: 100, fileBytes: 1024 })).toThrow(
      /bytes, over the 10-byte limit/,
    );
    expect(() => read(deflateSync(strToU8("not a zip")))).toThrow("Artifact analysis-f1 is not a readable zip");
  });
});
