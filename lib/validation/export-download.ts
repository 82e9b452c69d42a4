import * as z from "zod";

// The query of the admin download GET /api/export: ?format=json, or ?format=csv&file=questions|forecasts.

export const exportDownloadInput = z.discriminatedUnion("format", [
  z.object({ format: z.literal("json") }),
  z.object({
    format: z.literal("csv"),
    file: z.enum(["questions", "forecasts"], { error: "file must be questions or forecasts" }),
  }),
], { error: "format must be json or csv" });
export type ExportDownloadInput = z.infer<typeof exportDownloadInput>;
