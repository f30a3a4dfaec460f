import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { KeepAliveConnection } from "./http-client";

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function listen(server: net.Server): Promise<URL> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => server.close());
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

function connect(origin: URL) {
  const c = new KeepAliveConnection(origin);
  closers.unshift(() => c.close());
  return c;
}

describe("KeepAliveConnection", () => {
  it("sends requests one after another on one connection, and reads Content-Length and chunked answers", async () => {
    const seen: { method: string; url: string; port: number; type: string | undefined; body: string }[] = [];
    const origin = await listen(
      http.createServer((req, res) => {
        let body = "";
        req
          .on("data", (c) => (body += c))
          .on("end", () => {
            seen.push({ method: req.method!, url: req.url!, port: req.socket.remotePort!, type: req.headers["content-type"], body });
            if (req.url === "/chunked") {
              res.writeHead(200, { "content-type": "text/plain" });
              res.write("first part, ");
              setTimeout(() => res.end("second part — ünïcode"), 20);
            } else {
              const text = JSON.stringify({ echoed: body });
              res.writeHead(201, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
              res.end(text);
            }
          });
      }),
    );
    const c = connect(origin);
    const first = await c.request("POST", "/things", { "content-type": "application/json" }, JSON.stringify({ name: "é" }));
    expect(first.status).toBe(201);
    expect(JSON.parse(first.body)).toEqual({ echoed: '{"name":"é"}' });
    expect(first.headers["content-type"]).toBe("application/json");
    const second = await c.request("GET", "/chunked", {});
    expect(second).toMatchObject({ status: 200, body: "first part, second part — ünïcode" });
    expect(second.headers["transfer-encoding"]).toBe("chunked");
    expect(seen.map((s) => [s.method, s.url, s.type, s.body])).toEqual([
      ["POST", "/things", "application/json", '{"name":"é"}'],
      ["GET", "/chunked", undefined, ""],
    ]);
    expect(new Set(seen.map((s) => s.port)).size).toBe(1);
  });

  it("waits for an answer that arrives in pieces", async () => {
    const answer = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world";
    const origin = await listen(
      net.createServer((socket) => {
        socket.once("data", async () => {
          for (const piece of [answer.slice(0, 7), answer.slice(7, 30), answer.slice(30, 45), answer.slice(45)]) {
            socket.write(piece);
            await new Promise((r) => setTimeout(r, 15));
          }
        });
      }),
    );
    expect(await connect(origin).request("GET", "/", {})).toMatchObject({ status: 200, body: "hello world" });
  });

  it("fails when the server closes the connection before the answer is whole, and for an answer it cannot frame", async () => {
    const origin = await listen(
      net.createServer((socket) => {
        socket.once("data", (d) => {
          if (d.toString().startsWith("GET /cut")) socket.end("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nonly this");
          else socket.write("HTTP/1.1 200 OK\r\nX: y\r\n\r\nno length");
        });
      }),
    );
    await expect(connect(origin).request("GET", "/cut", {})).rejects.toThrow(/closed the connection/);
    await expect(connect(origin).request("GET", "/unframed", {})).rejects.toThrow(/neither Content-Length nor chunked/);
  });
});
