// `npm run user:create -- --email E --password P --name N [--admin] [--handle H]`
// Creates an account that can sign in. Bad input exits 2 with a message naming the field.
import { Command } from "commander";
import { databasePath, openDb } from "@/db/client";
import { createUser, UserConflictError } from "@/db/queries/users";
import { createUserInput } from "@/lib/validation/user";

const program = new Command()
  .name("user:create")
  .description("Create a Forecast Desk account (analyst, or admin with --admin)")
  .option("--email <email>", "sign-in email")
  .option("--password <password>", "password, at least 12 characters and not a common one")
  .option("--name <name>", "display name")
  .option("--handle <handle>", "unique handle (default: derived from the name)")
  .option("--admin", "make the account an admin", false)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const opts = program.opts<{ email?: string; password?: string; name?: string; handle?: string; admin: boolean }>();
const parsed = createUserInput.safeParse(opts);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0] ?? "input")}: ${issue.message}`);
  process.exit(2);
}

const { email, password, name, handle, admin } = parsed.data;
const db = openDb(databasePath());
try {
  const user = createUser(db, { email, password, name, handle, role: admin ? "admin" : "analyst" });
  console.log(`Created ${user.role} ${user.name} <${user.email}> with handle "${user.handle}" in ${databasePath()}`);
} catch (error) {
  if (error instanceof UserConflictError) {
    console.error(`--${error.field}: ${error.message}`);
    process.exit(2);
  }
  console.error(`Could not create the user: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
} finally {
  db.$client.close();
}
