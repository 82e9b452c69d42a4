// Per-key request budgets: a token bucket (capacity = the per-minute limit, refilled continuously at
// limit/60 per second), so a client may burst up to a minute's budget and then proceeds at the rate.
// Pure: the caller passes the clock. Buckets idle for longer than a full refill are dropped.

interface Bucket {
  tokens: number;
  updatedAt: number;
  perMinute: number;
}

export type BucketDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  /** Takes one request from `key`'s bucket at `now` (ms); refused with the seconds until one is available. */
  take(key: string, perMinute: number, now: number): BucketDecision {
    const rate = perMinute / 60_000; // requests per ms
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.perMinute !== perMinute) {
      bucket = { tokens: perMinute, updatedAt: now, perMinute };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * rate);
      bucket.updatedAt = now;
    }
    this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) if (now - b.updatedAt > 60_000) this.buckets.delete(key);
  }
}
