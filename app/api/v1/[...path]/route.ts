import { apiErrorResponse } from "../_lib/errors";

// Any /api/v1 path no route serves: the API's JSON error shape, not the app's HTML 404 page.
function notFound(request: Request): Response {
  return apiErrorResponse(404, "not_found", `No API endpoint at ${new URL(request.url).pathname}: see /api/v1/openapi.json`, "path");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
