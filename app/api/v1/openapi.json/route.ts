import { otherMethods } from "../_lib/methods";
import { apiDocument } from "@/lib/api/openapi";
import { emptyQuery } from "@/lib/api/schemas";
import { apiGet } from "../_lib/handler";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the schemas that validate requests. */
export const GET = apiGet({ access: "public", query: emptyQuery }, () => ({ status: 200, body: apiDocument() }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
