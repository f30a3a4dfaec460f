import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/**
 * Checks a collaboration message before Hocuspocus acts on it, so that a
 * malformed or hostile one closes its connection instead of reaching the
 * document: Yjs updates must decode completely, awareness states must be small
 * JSON, and message types the notes do not use are refused.
 */

// Hocuspocus's message types (@hocuspocus/server MessageType).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const CLOSE = 7;
const SYNC_STATUS = 8;
// y-protocols sync steps.
const STEP1 = 0;

/** One client's presence: a name, a colour and a cursor. */
export const MAX_AWARENESS_STATE = 4 * 1024;

export class MalformedMessage extends Error {
  readonly code = 4400;
  constructor(readonly reason: string) {
    super(`malformed collaboration message: ${reason}`);
  }
}

export interface MessageSummary {
  /** The message carries a document change (sync step 2 or an update). */
  changesDocument: boolean;
  bytes: number;
}

/** Throws MalformedMessage for anything the server should not act on. */
export function checkCollabMessage(data: Uint8Array): MessageSummary {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === STEP1) {
          Y.decodeStateVector(payload);
          return { changesDocument: false, bytes: data.length };
        }
        if (step !== 1 && step !== 2) throw new MalformedMessage("unknown sync step");
        Y.decodeUpdate(payload);
        return { changesDocument: true, bytes: payload.length };
      }
      case AWARENESS:
        checkAwareness(decoding.readVarUint8Array(decoder));
        return { changesDocument: false, bytes: data.length };
      case AUTH:
      case QUERY_AWARENESS:
      case CLOSE:
      case SYNC_STATUS:
        return { changesDocument: false, bytes: data.length };
      default:
        // Stateless and broadcast messages included: the notes do not use them.
        throw new MalformedMessage(`message type ${type} is not accepted`);
    }
  } catch (e) {
    if (e instanceof MalformedMessage) throw e;
    throw new MalformedMessage("cannot be decoded");
  }
}

function checkAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new MalformedMessage("too many awareness states");
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > MAX_AWARENESS_STATE) throw new MalformedMessage("awareness state too large");
    JSON.parse(state);
  }
}
