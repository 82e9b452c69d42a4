import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { exportDataset } from "@/db/queries/exchange";
import { datasetToCsv } from "@/lib/exchange/csv";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
import { exportDownloadInput } from "@/lib/validation/export-download";

// Admin download of every question and forecast: ?format=json (forecast-desk/v1) or
// ?format=csv&file=questions|forecasts (docs/csv-format.md).

function attachment(body: string, filename: string, type: string): Response {
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return Response.json({ error: "Only admins can export the desk" }, { status: 403 });
  const parsed = exportDownloadInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Invalid query", issues: z.flattenError(parsed.error) }, { status: 422 });
  const dataset = exportDataset(getDb(), { viewer });
  if (parsed.data.format === "json")
    return attachment([...v1DocumentText(datasetToV1Json(dataset))].join(""), "forecast-desk-v1.json", "application/json");
  const file = parsed.data.file;
  return attachment(datasetToCsv(dataset)[file], `forecast-desk-${file}.csv`, "text/csv");
}
