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
import { crowdIncludesBots } from "@/db/queries/bots";
import { crowdDistributionHistory, listOwnContinuousForecasts } from "@/db/queries/continuous-forecasts";
import { hasCdfForecast } from "@/db/queries/continuous-questions";
import { fanTable } from "@/components/continuous/fan-table";
import { quantileLocation } from "@/lib/continuous/cdf";
import { defaultPopulation } from "@/lib/population";
import { isContinuousQuestion } from "@/lib/types";

// Every row of the question page's crowd history or spread as CSV (?chart=crowd|spread): the page
// sends a chart only the points it can draw and links here for the rest; ?chart=fan is the crowd's
// distribution over time of a numeric or date question (its only chart here). Same rules as the page:
// drafts for admins only, the crowd hidden from a viewer who has not forecast yet (anchoring guard).

const query = z.object({ chart: z.enum(["crowd", "spread", "fan"], "must be crowd, spread or fan") });

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
  const continuous = isContinuousQuestion(question);
  const own = viewer && !continuous ? listOwnForecasts(db, question.id, viewer.id) : [];
  const hasOwn = continuous ? viewer !== null && hasCdfForecast(db, question.id, viewer.id) : own.length > 0;
  if (isCrowdHiddenFrom(question, viewer, hasOwn, now))
    return Response.json({ error: "The crowd is hidden until you make your own forecast" }, { status: 403 });
  const end = Math.min(now, actualCloseTime(question));
  const slug = question.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  if (continuous !== (parsed.data.chart === "fan"))
    return Response.json({ error: `chart: ${continuous ? "a numeric or date question has the chart fan" : "fan is for numeric and date questions"}` }, { status: 422 });
  if (isContinuousQuestion(question)) {
    const view = { type: question.type, unit: question.scale.unit, scale: question.scale };
    const history = crowdDistributionHistory(db, question.id, question.openTime, end, defaultPopulation(crowdIncludesBots(db)), Number.POSITIVE_INFINITY);
    const ownMedians = viewer
      ? listOwnContinuousForecasts(db, question.id, viewer.id).map((f) => ({ time: f.time, location: quantileLocation(f.cdf, 0.5) }))
      : [];
    const fan = fanTable(view, history.points, ownMedians, question.openTime, Math.max(end, question.openTime + 1));
    return csvResponse(chartRowsToCsv(fan.columns, fan.rows), `crowd-fan-${slug}.csv`);
  }
  if (!isDiscreteQuestion(question)) return Response.json({ error: "These charts belong to binary and scenario questions" }, { status: 404 });
  const crowd = questionCrowd(db, question, end); // the page's crowd: same population, read clipped
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
  return csvResponse(chartRowsToCsv(table.columns, table.rows), filename);
}

function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
