import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { chartRowsToCsv } from "@/components/charts/chart-csv";
import { getDb } from "@/db/client";
import { questionCrowd } from "@/db/queries/crowd";
import { listOwnForecasts } from "@/db/queries/forecasts";
import { getQuestion } from "@/db/queries/questions";
import { isCrowdHiddenFrom } from "@/lib/question-lifecycle";
import { isDiscreteQuestion } from "@/lib/types";
import { actualCloseTime } from "@/lib/standing-forecast";
import { binaryCrowdTable, scenarioCrowdTable, spreadTable } from "../_components/chart-tables";

// Every row of the question page's crowd history or spread as CSV (?chart=crowd|spread): the page
// sends a chart only the points it can draw and links here for the rest. Same rules as the page:
// drafts for admins only, the crowd hidden from a viewer who has not forecast yet (anchoring guard).

const query = z.object({ chart: z.enum(["crowd", "spread"], "must be crowd or spread") });

export async function GET(request: Request, { params }: { params: Promise<{ questionId: string }> }): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: `chart: ${parsed.error.issues[0].message}` }, { status: 422 });
  const db = getDb();
  const segment = (await params).questionId;
  let question = getQuestion(db, segment);
  if (!question) {
    try {
      question = getQuestion(db, decodeURIComponent(segment));
    } catch {
      question = null;
    }
  }
  const viewer = await getViewer();
  if (!question || (question.isDraft && viewer?.role !== "admin")) return Response.json({ error: "No such question" }, { status: 404 });
  const now = Date.now();
  const own = viewer ? listOwnForecasts(db, question.id, viewer.id) : [];
  if (isCrowdHiddenFrom(question, viewer, own.length > 0, now))
    return Response.json({ error: "The crowd is hidden until you make your own forecast" }, { status: 403 });
  if (!isDiscreteQuestion(question)) return Response.json({ error: "These charts belong to binary and scenario questions" }, { status: 404 });
  const end = Math.min(now, actualCloseTime(question));
  const crowd = questionCrowd(db, question, end); // the page's crowd: same population, read clipped
  const slug = question.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  let table;
  let filename: string;
  if (parsed.data.chart === "spread") {
    table = spreadTable(question, crowd.standing());
    filename = `forecast-spread-${slug}.csv`;
  } else {
    const series = crowd.series();
    const binary = question.type === "binary";
    table = binary ? binaryCrowdTable(series, own, question.openTime, Math.max(end, question.openTime + 1)) : scenarioCrowdTable(question, series);
    filename = `${binary ? "crowd" : "scenario"}-forecast-${slug}.csv`;
  }
  return new Response(chartRowsToCsv(table.columns, table.rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
