import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { databasePath, getDb, type Db } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema/users";
import { adminExists, nextFreeHandle } from "@/db/queries/users";
import { ensureAuthSecret } from "./auth-secret";

/** http://localhost:$PORT unless BETTER_AUTH_URL says otherwise. */
export function authBaseURL(): string {
  return process.env.BETTER_AUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
}

/** The base URL, its 127.0.0.1 twin, and any extra origins in TRUSTED_ORIGINS (comma-separated). */
function trustedOrigins(baseURL: string): string[] {
  const extra = (process.env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  return [...new Set([baseURL, baseURL.replace("//localhost:", "//127.0.0.1:"), ...extra])];
}

/**
 * better-auth on our SQLite: email + password, server-side sessions in the `session` table,
 * HttpOnly cookies (nextCookies sets them from server actions), telemetry off.
 * Every new user gets a unique handle derived from the name; the first account is admin while
 * no admin exists.
 */
export function createAuth(db: Db, options: { secret: string; baseURL: string }) {
  return betterAuth({
    appName: "Forecast Desk",
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: trustedOrigins(options.baseURL),
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        handle: { type: "string", required: false, input: false },
        role: { type: "string", required: false, input: false, defaultValue: "analyst" },
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({
            data: {
              ...user,
              handle: nextFreeHandle(db, user.name),
              role: adminExists(db) ? "analyst" : "admin",
            },
          }),
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { forecastDeskAuth?: Auth; forecastDeskAuthKey?: string };

/** The process-wide auth instance for the app's database. */
export function getAuth(): Auth {
  const file = databasePath();
  const baseURL = authBaseURL();
  const key = `${file}|${baseURL}`;
  if (!globalForAuth.forecastDeskAuth || globalForAuth.forecastDeskAuthKey !== key) {
    globalForAuth.forecastDeskAuth = createAuth(getDb(), { secret: ensureAuthSecret(file), baseURL });
    globalForAuth.forecastDeskAuthKey = key;
  }
  return globalForAuth.forecastDeskAuth;
}
