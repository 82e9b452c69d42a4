// proxy.ts puts the security headers on every response it handles, with a CSP whose script nonce
// is new for each request and is handed to Next (request header) so its scripts carry it.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3995";
afterEach(() => {
  delete process.env.BETTER_AUTH_URL;
  delete process.env.REQUIRE_SIGN_IN;
});

function scriptSrc(csp: string): string {
  return csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
}

describe("security headers from proxy.ts", () => {
  it("sends a nonce CSP without unsafe-inline for scripts, no framing, nosniff and a strict referrer policy", async () => {
    const res = await proxy(new NextRequest(`${BASE}/questions`));
    const csp = res.headers.get("content-security-policy")!;
    expect(scriptSrc(csp)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // Next reads the policy (and so the nonce) from the forwarded request headers.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("uses a new nonce for every request", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const csp = (await proxy(new NextRequest(`${BASE}/leaderboard`))).headers.get("content-security-policy")!;
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    }
    expect(nonces.size).toBe(20);
  });

  it("adds HSTS only when the public URL is https", async () => {
    process.env.BETTER_AUTH_URL = "https://desk.example.org";
    const res = await proxy(new NextRequest(`${BASE}/questions`));
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("puts the headers on the private desk's redirects and 401s too", async () => {
    process.env.REQUIRE_SIGN_IN = "1";
    const page = await proxy(new NextRequest(`${BASE}/users`));
    expect(page.status).toBe(307);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const api = await proxy(new NextRequest(`${BASE}/api/export`));
    expect(api.status).toBe(401);
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
