import * as z from "zod";
import { apiTokenName } from "@/lib/api/schemas";

// The Settings page's API-token forms. `forUser` is empty for the viewer's own token, or the id of a bot
// the viewer owns (a bot's owner creates the tokens the bot uses).

export const createApiTokenInput = z.object({
  name: apiTokenName,
  forUser: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(100).optional()),
});

export const revokeApiTokenInput = z.object({
  tokenId: z.string({ error: "Token is required" }).min(1, { error: "Token is required" }).max(100),
  forUser: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(100).optional()),
});

export type ApiTokenFormState =
  /** `token` is the clear text, shown this once. */
  | { ok: true; message: string; token?: string }
  | { ok: false; message?: string; fieldErrors: { name?: string } }
  | null;

/** A token as the Settings page lists it (never the token itself). */
export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}
