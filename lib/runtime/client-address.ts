/**
 * The address a request came from. Our HTTP server (lib/http/app-server.ts)
 * works it out from the socket and, behind trusted proxies, the
 * X-Forwarded-For chain, and hands it to the app in this header, after
 * removing any copy the client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-marginalia-client-address";

/**
 * How many proxies in front of the app to trust (MARGINALIA_TRUST_PROXY):
 * 0, the default, trusts none and takes the socket's address. With N, the
 * client is the address N hops back along X-Forwarded-For, as each proxy
 * appends the address it received the request from.
 */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MARGINALIA_TRUST_PROXY?.trim();
  if (!raw || raw === "0" || raw === "false") return 0;
  if (raw === "true") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(`MARGINALIA_TRUST_PROXY must be the number of proxies in front of the app, 0–10 (it is "${raw}").`);
  return n;
}

/** "::ffff:10.0.0.1" → "10.0.0.1", so one client is one key whichever way it connected. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function resolveClientAddress(options: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: number;
}): string {
  const socket = normalise(options.socketAddress ?? "unknown");
  if (options.trustProxy === 0) return socket;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ];
  // The last entry is the socket (the nearest proxy); each trusted proxy vouches for the one before it.
  const index = Math.max(chain.length - 1 - options.trustProxy, 0);
  return normalise(chain[index]);
}

/** The client address of a request inside the app, as the server recorded it. */
export function clientAddressOf(headers: { get(name: string): string | null }): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
