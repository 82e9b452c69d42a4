// Which address a request came from, decided where the connection is accepted (server.ts), never
// from a header the client chose. Behind a reverse proxy named in TRUSTED_PROXY, the proxy's own
// X-Forwarded-For entry (the right-most one, the address the proxy saw) is used instead.

/** "::ffff:127.0.0.1" → "127.0.0.1"; "" / undefined → "unknown". */
export function normaliseAddress(address: string | undefined | null): string {
  const a = (address ?? "").trim();
  if (!a) return "unknown";
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice("::ffff:".length) : a;
}

/** TRUSTED_PROXY as a list of addresses: "10.0.0.2, ::1" → ["10.0.0.2", "::1"]. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  return (raw ?? "").split(",").map((s) => normaliseAddress(s)).filter((s) => s !== "unknown");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * right-most X-Forwarded-For entry (what the proxy appended) — entries further left were written
 * by the client and prove nothing.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const peer = normaliseAddress(socketAddress);
  if (!trustedProxies.includes(peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((s) => s.trim()).filter(Boolean);
  return entries.length ? normaliseAddress(entries[entries.length - 1]) : peer;
}
