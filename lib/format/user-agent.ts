import Bowser from "bowser";

/** "Firefox on macOS", "Safari on iOS", from a User-Agent string (bowser); "Unknown browser" when it says nothing usable. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Unknown browser";
}
