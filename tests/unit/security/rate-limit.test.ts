import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retryAfterMs, retryAfterSeconds, tryAgainIn } from "@/lib/security/rate-limit";
import { clientAddress, parseTrustedProxies } from "@/lib/security/client-address";

const rule = { limit: 3, windowMs: 1_000 };

describe("retryAfterMs (sliding window)", () => {
  it("allows below the limit and names when the oldest counted event leaves the window", () => {
    expect(retryAfterMs([], rule, 5_000)).toBe(0);
    expect(retryAfterMs([4_100, 4_500], rule, 5_000)).toBe(0);
    // 4,100 + 1,000 − 5,000 = 100 ms
    expect(retryAfterMs([4_500, 4_100, 4_900], rule, 5_000)).toBe(100);
    // four in the window: the second-oldest (4,200) must leave: 4,200 + 1,000 − 5,000
    expect(retryAfterMs([4_100, 4_200, 4_500, 4_900], rule, 5_000)).toBe(200);
    // events at or before now − window no longer count
    expect(retryAfterMs([4_000, 4_500, 4_900], rule, 5_000)).toBe(0);
  });

  it("property: blocked exactly until the returned wait has passed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 1_500 }),
        (times, limit, windowMs) => {
          const r = { limit, windowMs };
          const now = 2_000;
          const wait = retryAfterMs(times, r, now);
          const counted = times.filter((t) => t > now - windowMs && t <= now).length;
          expect(wait === 0).toBe(counted < limit);
          if (wait > 0) {
            expect(wait).toBeLessThanOrEqual(windowMs);
            expect(retryAfterMs(times, r, now + wait)).toBe(0);
            expect(retryAfterMs(times, r, now + wait - 1)).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it("rounds Retry-After up to whole seconds and says it in words", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
    expect(tryAgainIn(40_000)).toBe("in 40 seconds");
    expect(tryAgainIn(61_000)).toBe("in 2 minutes");
    expect(tryAgainIn(60_000)).toBe("in 1 minute");
  });
});

describe("clientAddress", () => {
  it("takes the socket's address and ignores a header the client wrote", () => {
    expect(clientAddress("::ffff:203.0.113.9", "198.51.100.1", [])).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", undefined, [])).toBe("203.0.113.9");
    expect(clientAddress(undefined, "198.51.100.1", [])).toBe("unknown");
  });
  it("behind TRUSTED_PROXY takes the proxy's own (right-most) X-Forwarded-For entry", () => {
    const proxies = parseTrustedProxies(" 10.0.0.2 , ::1");
    expect(proxies).toEqual(["10.0.0.2", "::1"]);
    expect(clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:10.0.0.2", ["1.1.1.1", "203.0.113.7"], proxies)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.3", "203.0.113.9", proxies)).toBe("10.0.0.3");
  });
});
