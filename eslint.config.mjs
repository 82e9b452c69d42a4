import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports go one way (docs/contributing.md rule 1): app → db, lib, components; components → lib; db → lib; lib → nothing of ours.
const forbid = (...groups) => ({
  "no-restricted-imports": [
    "error",
    { patterns: groups.map((g) => ({ group: [`@/${g}/*`, `@/${g}`], message: `this layer may not import ${g}/ (docs/contributing.md rule 1)` })) },
  ],
});

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "db/migrations/**", "artifacts/**", "next-env.d.ts"] },
  { files: ["lib/**/*.ts"], rules: forbid("app", "db", "components", "cli") },
  { files: ["db/**/*.ts"], rules: forbid("app", "components", "cli") },
  { files: ["components/**/*.{ts,tsx}"], rules: forbid("app", "db", "cli") },
];

export default config;
