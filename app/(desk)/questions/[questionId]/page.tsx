import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listComments } from "@/db/queries/comments";
import * as z from "zod";
import { questionCrowd } from "@/db/queries/crowd";
import { listForecastsForQuestion, listOwnForecasts, rationalePage } from "@/db/queries/forecasts";
import { getQuestion } from "@/db/queries/questions";
import { downsampleSteps } from "@/lib/aggregation/crowd-series";
import { outcomeLabel } from "@/lib/outcome-label";
import { readForecasts } from "@/lib/probability";
import { canSeeQuestion, isCrowdHiddenFrom, isDueForResolution, questionStatus, type QuestionStatus } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import type { Question } from "@/lib/types";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { forecastAgeText, leadingText } from "@/components/forecast/forecast-display";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { myPosition } from "@/lib/my-forecasts";
import { getUserSettings } from "@/db/queries/user-settings";
import { questionScoreSummary } from "@/lib/track-records/question-score-summary";
import { AdminQuestionActions } from "./_components/AdminQuestionActions";
import { CrowdPanel } from "./_components/CrowdPanel";
import { QuestionScoresPanel } from "./_components/QuestionScoresPanel";
import { ReaffirmButton } from "./_components/ReaffirmButton";
import { Discussion } from "./_components/Discussion";
import { ForecastForm } from "./_components/ForecastForm";
import { OwnHistory } from "./_components/OwnHistory";
import { QuestionFacts } from "./_components/QuestionFacts";
import { RationaleList } from "./_components/RationaleList";
import { ResolutionPanel } from "./_components/ResolutionPanel";
import { SPREAD_TABLE_ROWS, SpreadPanel } from "./_components/SpreadPanel";
import { Markdown } from "@/components/ui/Markdown";

/** Points of the crowd history a chart draws at most (a few per horizontal pixel of the widest chart). */
const CHART_POINTS = 500;

/** ?rationales=N: anything but a whole number ≥ 1 is page 1 (rationalePage clamps past the last). */
const pageNumber = z.coerce.number().int().min(1).catch(1);

type Params = Promise<{ questionId: string }>;

const CLOSED_NOTE: Partial<Record<QuestionStatus, string>> = {
  draft: "This question is a draft: an admin publishes it, then forecasting opens.",
  upcoming: "Forecasting has not opened yet.",
  closed: "Forecasting has closed.",
  resolved: "This question is resolved: forecasting has ended.",
  annulled: "This question was annulled: forecasting has ended.",
};

/** The question for a route segment, whether or not Next has already decoded it. */
function findQuestion(segment: string): Question | null {
  const db = getDb();
  const asGiven = getQuestion(db, segment);
  if (asGiven) return asGiven;
  try {
    return getQuestion(db, decodeURIComponent(segment));
  } catch {
    return null; // malformed escape: no such question
  }
}

/** The question, the viewer and the request's clock. Drafts are for admins and their proposer only: everyone else gets a 404. */
async function loadQuestion(questionId: string) {
  const question = findQuestion(questionId);
  const viewer = await getViewer();
  if (!question || !canSeeQuestion(question, viewer)) notFound();
  return { question, viewer, now: Date.now() };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const question = findQuestion((await params).questionId);
  return { title: question?.title ?? "Question not found" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QuestionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { question, viewer, now } = await loadQuestion((await params).questionId);
  const db = getDb();
  const status = questionStatus(question, now);
  const own = viewer ? listOwnForecasts(db, question.id, viewer.id) : [];

  const crowdHidden = isCrowdHiddenFrom(question, viewer, own.length > 0, now);
  // Anchoring guard: others' comments hide with the crowd and their rationales.
  const comments = listComments(db, question.id).filter((c) => !crowdHidden || c.authorId === viewer?.id);

  // What the page shows, read as such: the kept crowd history (downsampled for the chart; the CSV
  // has every point), the standing forecasts and one page of rationales, never every forecast.
  const end = Math.min(now, actualCloseTime(question));
  // The crowd people see counts people only unless the desk counts bots (db/queries/crowd: the kept
  // history when it answers for that population, else the population's forecasts pooled, read clipped).
  const crowd = questionCrowd(db, question, end);
  const fullSeries = crowdHidden ? [] : crowd.series();
  const series = downsampleSteps(fullSeries, CHART_POINTS);
  // Every forecast, read only where the viewer's position or a resolved question's summary needs them.
  let everyForecast: ReturnType<typeof listForecastsForQuestion> | null = null;
  const allRead = () => (everyForecast ??= readForecasts(question.type, listForecastsForQuestion(db, question.id)));
  // Stored as given; the spread reads them clipped into [0.001, 0.999] (lib/probability), as the crowd does.
  const standing = crowdHidden ? [] : crowd.standing();
  const botForecastsLeftOut = crowdHidden ? 0 : crowd.leftOut();
  const rationales = crowdHidden ? null : rationalePage(db, question.id, pageNumber.parse((await searchParams).rationales));
  const dataHref = (chart: "crowd" | "spread") => `/questions/${encodeURIComponent(question.id)}/chart-data?chart=${chart}`;
  const latestOwn = own.at(-1);
  const position =
    viewer && latestOwn ? myPosition(question, allRead(), viewer.id, now, getUserSettings(getDb(), viewer.id).staleAfterDays) : null;
  const binary = question.type === "binary";
  const outcome = question.outcome ? outcomeLabel(question, question.outcome) : null;

  return (
    <article className="stack" data-testid="question-page" data-question-id={question.id}>
      <header>
        <p className="row" style={{ margin: "0 0 0.25rem", gap: "0.4rem" }}>
          <StatusBadge status={status} detail={status === "resolved" ? outcome : null} testId="question-status" />
          {isDueForResolution(question, now) ? <span className="badge badge-due">Due for resolution</span> : null}
          <span className="badge">{binary ? "Yes / No" : `Scenario set · ${question.options.length} scenarios`}</span>
        </p>
        <h1>{question.title}</h1>
        <QuestionFacts question={question} />
        {viewer?.role === "admin" ? <AdminQuestionActions questionId={question.id} isDraft={question.isDraft} /> : null}
      </header>

      {question.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="sr-only">
            Description
          </h2>
          <Markdown text={question.description} className="question-description" />
        </section>
      ) : null}
      <section aria-labelledby="criteria-heading" className="card">
        <h2 id="criteria-heading">Resolution criteria</h2>
        {question.resolutionCriteria ? <Markdown text={question.resolutionCriteria} /> : <p style={{ margin: 0 }}>None given.</p>}
        {!binary ? (
          <>
            <h3 className="small muted" style={{ marginTop: "0.75rem" }}>
              Scenarios
            </h3>
            <ol style={{ margin: 0 }}>
              {question.options.map((label, i) => (
                <li key={i}>{label}</li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <ResolutionPanel question={question} viewer={viewer} />
      {question.outcome?.kind === "option" ? (
        <QuestionScoresPanel
          summary={questionScoreSummary(scoreQuestion(question, allRead()), viewer?.id ?? null)}
          signedIn={viewer !== null}
        />
      ) : null}

      <section aria-labelledby="forecast-heading" className="card">
        <h2 id="forecast-heading">{status !== "open" ? "Forecasting" : latestOwn ? "Update your forecast" : "Make a forecast"}</h2>
        {!viewer ? (
          <p className="notice" data-testid="sign-in-to-forecast">
            <Link href={`/signin?next=${encodeURIComponent(`/questions/${question.id}`)}`}>Sign in to forecast</Link>
            {" "}on this question.
          </p>
        ) : status !== "open" ? (
          <p className="notice" data-testid="forecasting-closed">
            {CLOSED_NOTE[status]}
          </p>
        ) : (
          <ForecastForm
            questionId={question.id}
            options={question.options}
            binary={binary}
            initialPercents={
              latestOwn ? (binary ? [latestOwn.probabilities[1] * 100] : latestOwn.probabilities.map((p) => p * 100)) : null
            }
          />
        )}
        {viewer && latestOwn && status === "open" ? (
          <p className="row small" style={{ marginBottom: 0 }} data-testid="reaffirm-row">
            <span>
              {position && position.needsUpdate.length > 0 ? (
                <span className="badge badge-due" style={{ marginRight: "0.4rem" }}>
                  Needs update
                </span>
              ) : null}
              Still think {leadingText(question, latestOwn.probabilities)}? Your forecast was made {forecastAgeText(now - latestOwn.time)}
              {position?.needsUpdate.includes("crowd_moved") ? "; the crowd has moved more than 10 points since" : ""}.
            </span>
            <ReaffirmButton questionId={question.id} label="Reaffirm my forecast" />
          </p>
        ) : null}
      </section>

      {crowdHidden ? (
        <p className="notice" data-testid="crowd-hidden-note">
          The crowd forecast is hidden until you make your own forecast.
        </p>
      ) : (
        <>
          <CrowdPanel
            question={question}
            series={series}
            own={own}
            end={end}
            atClose={end < now}
            fullData={series.length < fullSeries.length ? { href: dataHref("crowd"), rowCount: fullSeries.length } : undefined}
          />
          {botForecastsLeftOut > 0 ? (
            <p className="muted small" data-testid="bots-left-out">
              The crowd counts people only: {botForecastsLeftOut} forecast{botForecastsLeftOut === 1 ? "" : "s"} by bots{" "}
              {botForecastsLeftOut === 1 ? "is" : "are"} not in it (see them with the API&apos;s population=bots).
            </p>
          ) : null}
          <SpreadPanel
            question={question}
            standing={standing}
            crowd={series.at(-1)?.probabilities ?? null}
            mine={latestOwn?.probabilities ?? null}
            fullData={standing.length > SPREAD_TABLE_ROWS ? { href: dataHref("spread"), rowCount: standing.length } : undefined}
          />
        </>
      )}

      {viewer ? <OwnHistory question={question} forecasts={own} /> : null}
      {rationales ? <RationaleList question={question} rationales={rationales} /> : null}
      <Discussion questionId={question.id} comments={comments.map((c) => ({ ...c, rendered: <Markdown text={c.body} /> }))} signedIn={viewer !== null} othersHidden={crowdHidden} />
    </article>
  );
}
