// `npm run --silent token:create -- --email E [--name N] [--rate-limit N]`
// Creates an API token for an existing account and prints it on stdout (and nothing else, so
// TOKEN=$(npm run --silent token:create -- --email …) works); what it did goes to stderr. The token is shown
// this once: only its SHA-256 is stored. Bad input exits 2 with a message naming the field.
import { Command } from "commander";
import * as z from "zod";
import { databasePath, openDb } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { findUserByEmail } from "@/db/queries/users";
import { apiTokenName } from "@/lib/api/schemas";

const program = new Command()
  .name("token:create")
  .description("Create an API token for an account (printed once)")
  .option("--email <email>", "the account's sign-in email")
  .option("--name <name>", "what the token is for", "command line")
  .option("--rate-limit <perMinute>", "requests per minute for this token (default: API_RATE_LIMIT_PER_MINUTE, 300)")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const input = z.object({
  email: z.string({ error: "is required" }).trim().min(1, { error: "is required" }),
  name: apiTokenName,
  rateLimit: z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be at least 1" }).max(10_000_000, { error: "must be at most 10000000" }).optional(),
});
const parsed = input.safeParse(program.opts());
if (!parsed.success) {
  for (const issue of parsed.error.issues) {
    const flag = String(issue.path[0]) === "rateLimit" ? "rate-limit" : String(issue.path[0]);
    console.error(`--${flag}: ${issue.message}`);
  }
  process.exit(2);
}
const db = openDb(databasePath());
try {
  const user = findUserByEmail(db, parsed.data.email);
  if (!user) {
    console.error(`--email: no account with email ${parsed.data.email}`);
    process.exit(2);
  }
  const { token, listing } = createApiToken(db, { userId: user.id, name: parsed.data.name, now: Date.now(), rateLimitPerMinute: parsed.data.rateLimit });
  console.error(`Created token "${listing.name}" (${listing.prefix}…) for ${user.role} ${user.handle}; it is shown once:`);
  console.log(token);
} finally {
  db.$client.close();
}
