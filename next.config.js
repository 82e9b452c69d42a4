/** @type {import('next').NextConfig} */
const nextConfig = {
  // Helpers and tests may build side by side: each can name its own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

module.exports = nextConfig;
