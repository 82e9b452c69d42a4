import { otherMethods } from "../_lib/methods";
import { exportDataset } from "@/db/queries/exchange";
import { datasetToCsv } from "@/lib/exchange/csv";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
import { exportQuery } from "@/lib/api/schemas";
import { apiGet } from "../_lib/handler";

/** GET /api/v1/export?format=json|csv&file=questions|forecasts — the admin export of the Export page (same dataset, same writers). */
export const GET = apiGet({ access: "admin", query: exportQuery }, ({ db, caller, query }) => {
  const dataset = exportDataset(db, { viewer: caller! });
  const headers = { "cache-control": "no-store" };
  if (query.format === "json")
    return new Response([...v1DocumentText(datasetToV1Json(dataset))].join(""), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
  return new Response(datasetToCsv(dataset)[query.file!], { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
