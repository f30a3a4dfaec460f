import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "@/lib/errors";

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 10 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 4;

const refuse = (message: string) => new AppError("validation_failed", message, { issues: [{ path: "url", message }] });

/** Loopback, private, link-local, carrier-grade NAT, multicast, reserved: never fetched on a user's behalf. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number);
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith("::ffff:")) return isPrivateAddress(v6.slice(7));
  return v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe8") || v6.startsWith("fe9") || v6.startsWith("fea") || v6.startsWith("feb") || v6.startsWith("ff");
}

/**
 * host:port pairs an administrator allows although they are private
 * (MARGINALIA_URL_ALLOWLIST="127.0.0.1:8080,intranet.local:443"). Tests use it
 * to serve pages from a local server while every other private address stays refused.
 */
function allowlisted(host: string, port: number): boolean {
  const list = (process.env.MARGINALIA_URL_ALLOWLIST ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  return list.includes(`${host.toLowerCase()}:${port}`);
}

export interface FetchedPage {
  url: string;
  contentType: string;
  body: Buffer;
}

function requestOnce(url: URL): Promise<{ status: number; location?: string; contentType: string; body: Buffer }> {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const open = allowlisted(url.hostname, port);
  // The address is checked as it is connected to, so a DNS answer cannot change between check and use.
  const lookup = (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: false }, (err, address, family) => {
      if (err) return callback(err, "", 0);
      if (!open && isPrivateAddress(address as string)) return callback(refuse(`${url.hostname} is a private or local address; it cannot be imported from here.`), "", 0);
      callback(null, address, family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup: lookup as never, timeout: FETCH_TIMEOUT_MS, headers: { "user-agent": "Marginalia report importer", accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5" } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        return resolve({ status, location: res.headers.location, contentType: "", body: Buffer.alloc(0) });
      }
      const declared = Number(res.headers["content-length"] ?? 0);
      if (declared > FETCH_MAX_BYTES) {
        res.destroy();
        return reject(new AppError("payload_too_large", "That page is larger than 10 MB."));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > FETCH_MAX_BYTES) {
          res.destroy();
          reject(new AppError("payload_too_large", "That page is larger than 10 MB."));
        } else chunks.push(chunk);
      });
      res.on("end", () => resolve({ status, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(refuse("The page took too long to answer (10 seconds).")));
    req.on("error", (e) => reject(e instanceof AppError ? e : refuse(`The page could not be reached: ${(e as NodeJS.ErrnoException).code ?? e.message}.`)));
  });
}

/** Fetches a web page for import: http(s) only, a few redirects, a timeout and a size cap; no private addresses. */
export async function fetchUrl(raw: string): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("That is not a web address. Use one starting with https://.");
  }
  for (let hop = 0; hop <= FETCH_MAX_REDIRECTS; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("Only http:// and https:// addresses can be imported.");
    if (url.username || url.password) throw refuse("Addresses with a user name or password cannot be imported.");
    const res = await requestOnce(url);
    if (res.location) {
      url = new URL(res.location, url);
      continue;
    }
    if (res.status >= 400) throw refuse(`The page answered with an error (HTTP ${res.status}).`);
    return { url: url.toString(), contentType: res.contentType, body: res.body };
  }
  throw refuse(`The page redirected more than ${FETCH_MAX_REDIRECTS} times.`);
}
