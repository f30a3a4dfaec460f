import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkCollabMessage, MalformedMessage } from "./message-guard";

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, "notes:r1");
  write(e);
  return encoding.toUint8Array(e);
}

const doc = new Y.Doc();
doc.getText("t").insert(0, "hello");
const update = Y.encodeStateAsUpdate(doc);

describe("collaboration message guard", () => {
  it("accepts sync steps and updates that decode", () => {
    expect(
      checkCollabMessage(
        message(
          (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))),
        ),
      ).changesDocument,
    ).toBe(false);
    expect(
      checkCollabMessage(
        message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))),
      ),
    ).toEqual({ changesDocument: true, bytes: update.length });
  });

  it("accepts small awareness states", () => {
    const state = JSON.stringify({ user: { name: "Ana", color: "#336699" } });
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, 1);
    encoding.writeVarUint(awareness, 42);
    encoding.writeVarUint(awareness, 1);
    encoding.writeVarString(awareness, state);
    expect(() =>
      checkCollabMessage(message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encoding.toUint8Array(awareness))))),
    ).not.toThrow();
  });

  it("refuses garbage, truncated updates, unknown and unused message types", () => {
    const truncated = update.slice(0, update.length - 3);
    const cases = [
      new Uint8Array([0xff, 0xff, 0xff]),
      new Uint8Array([]),
      message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, truncated))),
      message(
        (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9, 9]))),
      ),
      message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9))),
      message((e) => (encoding.writeVarUint(e, 5), encoding.writeVarString(e, "stateless"))),
      message((e) => encoding.writeVarUint(e, 99)),
      message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, new Uint8Array([1, 1, 1, 3, 123, 34, 120])))),
    ];
    for (const data of cases) expect(() => checkCollabMessage(data)).toThrow(MalformedMessage);
  });
});
