import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer, type Viewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listCommentThreads, type QuestionComment } from "@/db/queries/comments";
import { commentOrderParam, deleteRefusal, editRefusal, DEFAULT_COMMENT_ORDER, type CommentOrder } from "@/lib/comments";
import * as z from "zod";
import { questionCrowd } from "@/db/queries/crowd";
import { crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation } from "@/lib/population";
import { keptCrowdForecastAt, keptPopulationFor, keptQuestionScoreSummary } from "@/db/queries/kept-scores";
import { hasForecast, listOwnForecasts, rationalePage } from "@/db/queries/forecasts";
import { getQuestion } from "@/db/queries/questions";
import { downsampleSteps } from "@/lib/aggregation/crowd-series";
import { readForecasts } from "@/lib/probability";
import { canSeeQuestion, isCrowdHiddenFrom, questionStatus } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import { isContinuousQuestion, type ContinuousQuestion, type Question } from "@/lib/types";
import { forecastAgeText, leadingText } from "@/components/forecast/forecast-display";
import { positionFrom } from "@/lib/my-forecasts";
import { getUserSettings } from "@/db/queries/user-settings";
import { CLOSED_NOTE } from "./_components/closed-note";
import { CROWD_TABLE_ROWS, CrowdPanel } from "./_components/CrowdPanel";
import { QuestionScoresPanel } from "./_components/QuestionScoresPanel";
import { ReaffirmButton } from "./_components/ReaffirmButton";
import { Discussion } from "./_components/Discussion";
import { ForecastForm } from "./_components/ForecastForm";
import { OwnHistory } from "./_components/OwnHistory";
import { QuestionIntro } from "./_components/QuestionIntro";
import { ContinuousForecastSection } from "./_components/continuous/ContinuousForecastSection";
import { RationaleList } from "./_components/RationaleList";
import { ResolutionPanel } from "./_components/ResolutionPanel";
import { SPREAD_TABLE_ROWS, SpreadPanel } from "./_components/SpreadPanel";
import { Markdown } from "@/components/ui/Markdown";

/** Points of the crowd history a chart draws at most (a few per horizontal pixel of the widest chart). */
const CHART_POINTS = 500;

/** ?rationales=N: anything but a whole number ≥ 1 is page 1 (rationalePage clamps past the last). */
const pageNumber = z.coerce.number().int().min(1).catch(1);

type Params = Promise<{ questionId: string }>;


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


type Query = Record<string, string | string[] | undefined>;
type SearchParams = Promise<Query>;

/** This question's address with a rationale page and a comment order: each list's links keep the other's choice. */
function questionHref(question: Question, rationalePageNumber: number, order: CommentOrder): string {
  const params = new URLSearchParams();
  if (rationalePageNumber > 1) params.set("rationales", String(rationalePageNumber));
  if (order !== DEFAULT_COMMENT_ORDER) params.set("comments", order);
  const qs = params.toString();
  return `/questions/${encodeURIComponent(question.id)}${qs ? `?${qs}` : ""}`;
}

/** The discussion in the order the query asks; others' comments and replies hide with the crowd (anchoring guard). */
function QuestionDiscussion(props: { question: Question; viewer: Viewer | null; now: number; crowdHidden: boolean; order: CommentOrder; rationalePageNumber: number }) {
  const { question, viewer, now, crowdHidden, order, rationalePageNumber } = props;
  const threads = listCommentThreads(getDb(), question.id, order, crowdHidden ? (viewer?.id ?? null) : undefined);
  const forDiscussion = (c: QuestionComment) => {
    const mayEdit = viewer !== null && editRefusal(c, viewer, now) === null;
    // The raw body goes to the browser only to fill the edit box.
    return { ...c, body: mayEdit ? c.body : "", rendered: <Markdown text={c.body} />, mayEdit, mayDelete: viewer !== null && deleteRefusal(c, viewer, now) === null };
  };
  const discussionThreads = threads.map((t) =>
    t.state === "shown"
      ? { ...t, comment: forDiscussion(t.comment), replies: t.replies.map(forDiscussion) }
      : { ...t, replies: t.replies.map(forDiscussion) },
  );
  return (
    <Discussion
      questionId={question.id}
      threads={discussionThreads}
      signedIn={viewer !== null}
      othersHidden={crowdHidden}
      order={order}
      orderHrefs={{
        oldest: `${questionHref(question, rationalePageNumber, "oldest")}#discussion`,
        newest: `${questionHref(question, rationalePageNumber, "newest")}#discussion`,
      }}
    />
  );
}

/** A numeric or date question: facts, resolution, the forecast section (components of its own) and the discussion. */
function ContinuousQuestionPage({ question, viewer, now, query }: { question: ContinuousQuestion; viewer: Viewer | null; now: number; query: Query }) {
  const db = getDb();
  const crowdHidden = isCrowdHiddenFrom(question, viewer, viewer ? hasForecast(db, question.id, viewer.id) : false, now);
  return (
    <article className="stack" data-testid="question-page" data-question-id={question.id}>
      <QuestionIntro question={question} viewer={viewer} now={now} />
      <ResolutionPanel question={question} viewer={viewer} />
      <ContinuousForecastSection question={question} viewer={viewer} status={questionStatus(question, now)} crowdHidden={crowdHidden} now={now} />
      <QuestionDiscussion question={question} viewer={viewer} now={now} crowdHidden={crowdHidden} order={commentOrderParam(query.comments)} rationalePageNumber={1} />
    </article>
  );
}

export default async function QuestionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { question, viewer, now } = await loadQuestion((await params).questionId);
  const query = await searchParams;
  if (isContinuousQuestion(question)) return <ContinuousQuestionPage question={question} viewer={viewer} now={now} query={query} />;
  const db = getDb();
  const status = questionStatus(question, now);
  const own = viewer ? listOwnForecasts(db, question.id, viewer.id) : [];

  const crowdHidden = isCrowdHiddenFrom(question, viewer, own.length > 0, now);
  const commentOrder = commentOrderParam(query.comments);

  // What the page shows, read as such: the kept crowd history (downsampled for the chart; the CSV
  // has every point), the standing forecasts and one page of rationales, never every forecast.
  const end = Math.min(now, actualCloseTime(question));
  // The crowd people see counts people only unless the desk counts bots (db/queries/crowd: the kept
  // history when it answers for that population, else the population's forecasts pooled, read clipped).
  const crowd = questionCrowd(db, question, end);
  const fullSeries = crowdHidden ? [] : crowd.series();
  const series = downsampleSteps(fullSeries, CHART_POINTS);
  // Stored as given; the spread reads them clipped into [0.001, 0.999] (lib/probability), as the crowd does.
  const standing = crowdHidden ? [] : crowd.standing();
  const botForecastsLeftOut = crowdHidden ? 0 : crowd.leftOut();
  const rationales = crowdHidden ? null : rationalePage(db, question.id, pageNumber.parse(query.rationales));
  const dataHref = (chart: "crowd" | "spread") => `/questions/${encodeURIComponent(question.id)}/chart-data?chart=${chart}`;
  const latestOwn = own.at(-1);
  // My position against the crowd people see (people only unless the desk counts bots in), as the kept
  // history holds it (no forecast list); the "crowd moved" notifications measure the same crowd.
  const population = keptPopulationFor(db, defaultPopulation(crowdIncludesBots(db)))!;
  const position =
    viewer && latestOwn
      ? positionFrom(question, readForecasts(question.type, own), now, getUserSettings(db, viewer.id).staleAfterDays, (t) =>
          keptCrowdForecastAt(db, question, t, population),
        )
      : null;
  const binary = question.type === "binary";

  return (
    <article className="stack" data-testid="question-page" data-question-id={question.id}>
      <QuestionIntro question={question} viewer={viewer} now={now} />

      <ResolutionPanel question={question} viewer={viewer} />
      {question.outcome?.kind === "option" ? (
        <QuestionScoresPanel
          summary={keptQuestionScoreSummary(db, question.id, viewer?.id ?? null)}
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
            fullData={fullSeries.length > CROWD_TABLE_ROWS ? { href: dataHref("crowd"), rowCount: fullSeries.length, shown: "latest" } : undefined}
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
      {rationales ? <RationaleList question={question} rationales={rationales} pageHref={(n) => questionHref(question, n, commentOrder)} /> : null}
      <QuestionDiscussion question={question} viewer={viewer} now={now} crowdHidden={crowdHidden} order={commentOrder} rationalePageNumber={rationales?.page ?? 1} />
    </article>
  );
}
