import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { databasePath, getDb, type Db } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema/users";
import { consumeInvitation, isInvitationUsable } from "@/db/queries/invitations";
import { adminExists, nextFreeHandle } from "@/db/queries/users";
import { isDeskPrivate } from "./desk-privacy";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/user";
import { checkAuthInput } from "./auth-input-rules";
import { ensureAuthSecret } from "./auth-secret";
import { beginSignInAttempt, endSignInAttempt, SIGN_IN_PATH } from "./sign-in-limits";

export const SIGN_UP_CLOSED_NO_ADMIN =
  "Sign-up is closed until this desk has an admin (npm run user:create -- --admin, see README).";

export const INVITATION_REQUIRED =
  "This desk is private: sign-up needs an invitation link from an admin, and each link works once.";

/** The `invitation` token a sign-up body carries ("" when none). */
function invitationOf(body: unknown): string {
  const value = (body as { invitation?: unknown } | null | undefined)?.invitation;
  return typeof value === "string" ? value : "";
}

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
 * Every new user gets a unique handle derived from the name and is an analyst: admins are made by
 * `npm run user:create -- --admin` (the first) and on the Users page. Sign-up is closed while the
 * desk has no admin, so a new public server does not belong to whoever signs up first.
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
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX, autoSignIn: true },
    user: {
      additionalFields: {
        handle: { type: "string", required: false, input: false },
        role: { type: "string", required: false, input: false, defaultValue: "analyst" },
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            // Uses the invitation up in one UPDATE: of two sign-ups racing with one link, one wins.
            if (isDeskPrivate() && !consumeInvitation(db, invitationOf(ctx?.body), user.email, Date.now()))
              throw new APIError("FORBIDDEN", { code: "INVITATION_REQUIRED", message: INVITATION_REQUIRED });
            return { data: { ...user, handle: nextFreeHandle(db, user.name), role: "analyst" } };
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // The app's rules for names, e-mails and passwords (throws a 400 naming the field).
        const body = checkAuthInput(ctx.path, ctx.body);
        if (ctx.path === "/sign-up/email") {
          if (!adminExists(db)) throw new APIError("FORBIDDEN", { code: "SIGN_UP_CLOSED", message: SIGN_UP_CLOSED_NO_ADMIN });
          if (isDeskPrivate() && !isInvitationUsable(db, invitationOf(ctx.body), Date.now()))
            throw new APIError("FORBIDDEN", { code: "INVITATION_REQUIRED", message: INVITATION_REQUIRED });
        }
        if (ctx.path === SIGN_IN_PATH) beginSignInAttempt(db, String(body?.email ?? ""), ctx.headers);
        if (body) return { context: { body } };
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        endSignInAttempt(db, typeof email === "string" ? email : "", ctx.headers, !isAPIError(ctx.context.returned));
      }),
    },
    // better-auth's own limiter (per client address, which server.ts sets from the socket) stays on
    // for its other endpoints; sign-in has ours (both paths, per account and client, in the database),
    // and get-session is what proxy.ts asks on every page of a private desk, from the server itself.
    rateLimit: { customRules: { [SIGN_IN_PATH]: false, "/get-session": false } },
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
