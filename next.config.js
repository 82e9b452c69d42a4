/** @type {import('next').NextConfig} */
const nextConfig = {
  // Helpers and tests may build side by side: each can name its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Static assets skip proxy.ts, which sets every header (with the CSP) on everything else.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
