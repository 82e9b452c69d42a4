// The production server (`npm start`, `npm run demo`): Next's request handler behind Node's own
// HTTP server, as Next documents for a custom server, so the client address comes from the TCP
// connection. Every request's X-Forwarded-For is replaced by that address (or, behind the reverse
// proxy named in TRUSTED_PROXY, by the address that proxy saw) before the app sees it: rate limits
// and sessions key on it, and a client cannot choose it.
import { createServer } from "node:http";
import { clientAddress, parseTrustedProxies } from "@/lib/security/client-address";

// Before Next loads: it reads NODE_ENV once.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

const port = Number(process.env.PORT || 3000);
// LISTEN_HOST (e.g. 127.0.0.1 behind a local proxy); by default every address, IPv4 and IPv6, so
// "localhost" works whichever family it resolves to (proxy.ts asks the server itself for sessions).
const listenHost = process.env.LISTEN_HOST || undefined;
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXY);

async function main() {
  const { default: next } = await import("next");
  // hostname and port: Next fetches its own pages when a server action redirects.
  const app = next({ dev: false, dir: __dirname, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  await new Promise<void>((resolve) => {
    createServer((req, res) => {
      const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
      req.headers["x-forwarded-for"] = address;
      delete req.headers["x-real-ip"];
      delete req.headers["forwarded"];
      delete req.headers["cf-connecting-ip"];
      delete req.headers["true-client-ip"];
      delete req.headers["x-client-ip"];
      void handle(req, res);
    }).listen(port, listenHost, () => {
      console.log(`Forecast Desk listening on http://localhost:${port}`);
      resolve();
    });
  });
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
