// The security headers of every response (set in proxy.ts; next.config.js repeats the static ones for
// Next's static assets, which proxy.ts skips). Sources: OWASP Secure Headers Project; the Next.js
// guide "How to set a Content Security Policy" (nonces from proxy.ts, 'strict-dynamic').

/**
 * The Content-Security-Policy for one response: scripts only with this response's nonce (and what
 * they load, 'strict-dynamic'), no inline script, no framing. Styles allow inline style attributes
 * (React's style props and the charts use them; attributes cannot carry a nonce). Development adds
 * 'unsafe-eval', which React's dev build needs for its stack traces.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers besides the CSP; HSTS only when the desk's public URL (BETTER_AUTH_URL) is https. */
export function staticSecurityHeaders(publicUrl: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (publicUrl?.toLowerCase().startsWith("https://"))
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** A fresh nonce per response: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
