import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AppError } from "@/lib/errors";

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 10 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 4;

const refuse = (message: string) => new AppError("validation_failed", message, { issues: [{ path: "url", message }] });

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails allowed), or null. */
export function expandIPv6(address: string): number[] | null {
  let text = address
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .split("%")[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (!net.isIPv4(dotted[1])) return null;
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(":").map((h) => (/^[0-9a-f]{1,4}$/.test(h) ? parseInt(h, 16) : NaN)) : []);
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(Math.max(fill, 0)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) && fill >= 0 ? groups : null;
}

/** Loopback, private, link-local, carrier-grade NAT, multicast, reserved: never fetched on a user's behalf. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const groups = expandIPv6(address);
  if (!groups) return true; // not an address we understand: refuse rather than guess
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (n: number) => groups.slice(0, n).every((g) => g === 0);
  // IPv4 hidden in IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (zeros(5) && groups[5] === 0xffff) return isPrivateAddress(v4(groups[6], groups[7]));
  if (zeros(6)) return groups[6] === 0 && groups[7] <= 1 ? true : isPrivateAddress(v4(groups[6], groups[7]));
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0))
    return isPrivateAddress(v4(groups[6], groups[7]));
  const first = groups[0];
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

/**
 * host:port pairs an administrator allows although they are private
 * (MARGINALIA_URL_ALLOWLIST="127.0.0.1:8080,intranet.local:443"). Tests use it
 * to serve pages from a local server while every other private address stays refused.
 */
function allowlisted(host: string, port: number): boolean {
  const list = (process.env.MARGINALIA_URL_ALLOWLIST ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
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
  const privateRefusal = () => refuse(`${url.hostname} is a private or local address; it cannot be imported from here.`);
  // An address written as a number is never looked up: check it here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) && !open && isPrivateAddress(literal)) return Promise.reject(privateRefusal());
  // Names are checked as they are connected to, so a DNS answer cannot change between check and use.
  const lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, options.all ? [] : "", 0);
      if (!open && addresses.some((a) => isPrivateAddress(a.address))) return callback(privateRefusal(), options.all ? [] : "", 0);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        lookup: lookup as never,
        timeout: FETCH_TIMEOUT_MS,
        headers: { "user-agent": "Marginalia report importer", accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5" },
      },
      (res) => {
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
      },
    );
    req.on("timeout", () => req.destroy(refuse("The page took too long to answer (10 seconds).")));
    req.on("error", (e) =>
      reject(e instanceof AppError ? e : refuse(`The page could not be reached: ${(e as NodeJS.ErrnoException).code ?? e.message}.`)),
    );
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
