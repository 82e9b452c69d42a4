import { isDeskPrivate } from "@/app/_auth/desk-privacy";
import { getDb } from "@/db/client";
import { findApiTokenCaller, type ApiTokenCaller } from "@/db/queries/api-tokens";
import { PRIVATE_DESK_API_MESSAGE } from "./errors";

// THE API's authentication, one function: a bearer token, or nobody. An Authorization header that is
// not a live token is refused (never silently treated as a visitor); no header is a visitor, which a
// private desk refuses. Only tokens: the API does not read session cookies.

export type ApiCaller = ApiTokenCaller;

export type ApiAuthentication =
  | { ok: true; caller: ApiCaller | null }
  | { ok: false; message: string };

export function authenticateApiRequest(request: Request, now: number): ApiAuthentication {
  const header = request.headers.get("authorization");
  if (header === null) {
    if (isDeskPrivate()) return { ok: false, message: PRIVATE_DESK_API_MESSAGE };
    return { ok: true, caller: null };
  }
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header.trim());
  if (!match) return { ok: false, message: "Authorization must be Bearer <token>" };
  const caller = findApiTokenCaller(getDb(), match[1], now);
  if (!caller) return { ok: false, message: "This token is unknown or revoked" };
  return { ok: true, caller };
}
