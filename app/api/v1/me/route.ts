import { otherMethods } from "../_lib/methods";
import { isBot } from "@/db/queries/bots";
import { emptyQuery } from "@/lib/api/schemas";
import { apiGet } from "../_lib/handler";

/** GET /api/v1/me — who the token acts as (also what proxy.ts asks to check a token on a private desk). */
export const GET = apiGet({ access: "signed_in", query: emptyQuery }, ({ db, caller }) => ({
  status: 200,
  body: { handle: caller!.handle, name: caller!.name, role: caller!.role, isBot: isBot(db, caller!.id) },
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
