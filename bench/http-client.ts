/**
 * A minimal HTTP/1.1 client for the benchmark's write load: one keep-alive
 * connection, one request at a time (no pipelining), the answer read whole.
 *
 * Why not `node:http`: the load generator shares the machine's two cores
 * with the server and Postgres, and Node's client spent 0.18–0.24 ms of CPU
 * a request (fetch 1.1–1.4 ms), against 0.09 ms for `pg` on the raw INSERT
 * side. This one writes the request in one piece and parses only the status
 * line, the headers it needs and the body, as load tools such as wrk do:
 * about 0.06–0.08 ms a request. It understands Content-Length and chunked
 * bodies, and fails loudly on anything else (a closed connection, a reply it
 * cannot frame), so a broken server cannot pass for a fast one.
 */
import net from "node:net";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Waiting = { resolve: (answer: HttpAnswer) => void; reject: (error: Error) => void };

const HEAD_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** Where a chunked body ends in `buf` (from `from`), and the body; null when more must arrive first. */
function readChunked(buf: Buffer, from: number): { end: number; body: Buffer } | null {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.subarray(at, lineEnd).toString("latin1").split(";")[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new Error("Bad chunk size in a chunked answer");
    const dataStart = lineEnd + 2;
    if (size === 0) {
      // No trailers are sent to us; the last chunk is "0\r\n\r\n".
      if (buf.length < dataStart + 2) return null;
      return { end: dataStart + 2, body: Buffer.concat(parts) };
    }
    if (buf.length < dataStart + size + 2) return null;
    parts.push(buf.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}

export class KeepAliveConnection {
  private socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: Waiting | null = null;
  private closed: Error | null = null;
  private readonly ready: Promise<void>;

  constructor(private readonly origin: URL) {
    this.socket = net.connect(Number(origin.port || 80), origin.hostname);
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => this.socket.once("connect", resolve).once("error", reject));
    this.ready.catch(() => {}); // reported by the request that waits on it
    this.socket.on("data", (chunk: Buffer) => this.onData(chunk));
    this.socket.on("error", (e) => this.fail(e));
    this.socket.on("close", () => this.fail(new Error("The server closed the connection")));
  }

  /** Sends one request (the previous one must have been answered) and resolves with the whole answer. */
  async request(method: string, path: string, headers: Record<string, string>, body = ""): Promise<HttpAnswer> {
    await this.ready;
    if (this.closed) throw this.closed;
    if (this.waiting) throw new Error("One request at a time on a connection");
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.origin.host}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    for (const key in headers) head += `${key}: ${headers[key]}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}\r\n${body}`);
    });
  }

  close(): void {
    this.closed ??= new Error("Connection closed");
    this.socket.destroy();
  }

  private fail(error: Error) {
    this.closed ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  private onData(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    try {
      this.tryAnswer();
    } catch (e) {
      this.fail(e as Error);
      this.socket.destroy();
    }
  }

  private tryAnswer() {
    const headEnd = this.buffer.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const lines = this.buffer.subarray(0, headEnd).toString("latin1").split("\r\n");
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
    if (!status) throw new Error(`Not an HTTP/1.1 answer: ${lines[0].slice(0, 80)}`);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = headEnd + HEAD_END.length;
    let body: Buffer;
    let end: number;
    if (headers["transfer-encoding"]?.toLowerCase() === "chunked") {
      const chunked = readChunked(this.buffer, bodyStart);
      if (!chunked) return;
      ({ body, end } = chunked);
    } else if (headers["content-length"] !== undefined) {
      const length = Number(headers["content-length"]);
      if (!Number.isInteger(length) || length < 0) throw new Error(`Bad Content-Length: ${headers["content-length"]}`);
      if (this.buffer.length < bodyStart + length) return;
      body = this.buffer.subarray(bodyStart, bodyStart + length);
      end = bodyStart + length;
    } else {
      throw new Error("An answer with neither Content-Length nor chunked encoding");
    }
    const waiting = this.waiting;
    if (!waiting) throw new Error("An answer nobody asked for");
    this.waiting = null;
    this.buffer = this.buffer.subarray(end);
    if (headers.connection?.toLowerCase() === "close") this.close();
    waiting.resolve({ status: Number(status[1]), headers, body: body.toString("utf8") });
  }
}
