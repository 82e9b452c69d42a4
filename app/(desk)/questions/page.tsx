import type { Metadata } from "next";
import Link from "next/link";
import { requestTime } from "@/app/(desk)/request-time";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { forecasterCountsByQuestion, listOwnForecastsOn, type QuestionForecast } from "@/db/queries/forecasts";
import { keptCrowdForecastsAt, keptPopulationFor, keptPosition } from "@/db/queries/kept-scores";
import { DEFAULT_USER_SETTINGS, getUserSettings } from "@/db/queries/user-settings";
import { crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation } from "@/lib/population";
import { countListedQuestions, listQuestionRange, listQuestions, listTagsInUse } from "@/db/queries/questions";
import { forecastAgeText, leadingText } from "@/components/forecast/forecast-display";
import { QuestionListTable, type QuestionListRow } from "./_components/QuestionListTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyCard } from "@/components/ui/Table";
import type { NeedsUpdateReason } from "@/lib/my-forecasts";
import { outcomeLabel } from "@/lib/outcome-label";
import { acceptsForecasts, isCrowdHiddenFrom, isDueForResolution, questionStatus } from "@/lib/question-lifecycle";
import { pageWindow, questionPage, QUESTIONS_PER_PAGE, type QuestionPage } from "@/lib/question-paging";
import { actualCloseTime } from "@/lib/standing-forecast";
import { isContinuousQuestion, isDiscreteQuestion, type DiscreteQuestion, type Question } from "@/lib/types";
import { cdfForecastersByQuestion } from "@/db/queries/continuous-questions";
import { questionListParams, type ListTab } from "@/lib/validation/question";
import { TagSelect } from "@/components/ui/TagSelect";

export const metadata: Metadata = { title: "Questions" };
export const dynamic = "force-dynamic";

const TABS: ReadonlyArray<{ tab: ListTab; label: string }> = [
  { tab: "open", label: "Open" },
  { tab: "closing-soon", label: "Closing soon" },
  { tab: "due", label: "Due" },
  { tab: "closed", label: "Closed" },
  { tab: "resolved", label: "Resolved" },
  { tab: "all", label: "All" },
];

const NEEDS_UPDATE_TEXT: Record<NeedsUpdateReason, string> = {
  stale: "older than your threshold",
  crowd_moved: "the crowd moved over 10 points since",
};

/** The list's Type column. */
function questionTypeLabel(q: Question): string {
  switch (q.type) {
    case "binary":
      return "Binary";
    case "multiple_choice":
      return `Scenario set (${q.options.length})`;
    case "numeric":
      return q.scale.unit ? `Numeric (${q.scale.unit})` : "Numeric";
    case "date":
      return "Date";
  }
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QuestionsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = questionListParams.parse({
    tab: first(raw.tab),
    needs: first(raw.needs),
    tag: first(raw.tag),
    q: first(raw.q),
    page: first(raw.page),
  });
  const viewer = await getViewer();
  // "Mine" is for signed-in viewers; a visitor asking for it sees the Open tab.
  const tab: ListTab = parsed.tab === "mine" && !viewer ? "open" : parsed.tab;
  const { tag, q: search, page: requestedPage } = parsed;
  const isAdmin = viewer?.role === "admin";
  const db = getDb();
  const now = await requestTime();
  const staleAfterDays = viewer ? getUserSettings(db, viewer.id).staleAfterDays : DEFAULT_USER_SETTINGS.staleAfterDays;
  const filter = { tag, search, includeDrafts: isAdmin, draftsBy: viewer?.id };
  // The crowd people see: people only unless the desk counts bots in.
  const population = keptPopulationFor(db, defaultPopulation(crowdIncludesBots(db)))!;
  // My position on a question against that crowd, as the kept history holds it (the notifications read the same).
  const positionOf = (q: DiscreteQuestion, mine: readonly QuestionForecast[]) => keptPosition(db, q, mine, now, staleAfterDays, population);
  let pageOfList: QuestionPage<Question>;
  let needsUpdateCount = 0;
  if (tab === "mine") {
    // The questions I forecast (a list as long as my own record), ordered by what needs me.
    const mine = listQuestions(db, { ...filter, forecastBy: viewer!.id });
    // Needs update only applies to questions taking forecasts: my forecasts on them in one query, the
    // crowd then and now from the kept history.
    const open = mine.filter((q) => acceptsForecasts(q, now));
    // "Needs update" reads probability forecasts (lib/my-forecasts): binary and scenario questions.
    const openDiscrete = open.filter(isDiscreteQuestion);
    const myOpen = listOwnForecastsOn(db, viewer!.id, openDiscrete.map((q) => q.id));
    const needing = new Set(
      openDiscrete
        .filter((q) => (positionOf(q, myOpen.get(q.id) ?? [])?.needsUpdate.length ?? 0) > 0)
        .map((q) => q.id),
    );
    needsUpdateCount = needing.size;
    // Needing an update first, then the other open ones (soonest close first), then those awaiting a
    // resolution, then the resolved ones (latest resolution first).
    const resolvedMine = mine.filter((q) => q.outcome !== null).sort((a, b) => (b.resolveTime ?? 0) - (a.resolveTime ?? 0));
    pageOfList = questionPage(
      parsed.needs
        ? mine.filter((q) => needing.has(q.id))
        : [
            ...open.filter((q) => needing.has(q.id)),
            ...open.filter((q) => !needing.has(q.id)),
            ...mine.filter((q) => q.outcome === null && !acceptsForecasts(q, now)),
            ...resolvedMine,
          ],
      requestedPage,
    );
  } else {
    // The tab, tag, search, order and page in SQL: only this page's questions are read.
    const inTab = { ...filter, tab, now };
    const window = pageWindow(countListedQuestions(db, inTab), requestedPage);
    pageOfList = { ...window, items: listQuestionRange(db, inTab, window.offset, QUESTIONS_PER_PAGE) };
  }
  const { items: listed, page, pageCount, total } = pageOfList;
  const listedDiscrete = listed.filter(isDiscreteQuestion);
  const discreteIds = listedDiscrete.map((q) => q.id);
  const forecasterCounts = forecasterCountsByQuestion(db, discreteIds);
  // Each one's crowd now, or at its close once forecasting has ended.
  const crowdCells = keptCrowdForecastsAt(db, listedDiscrete.map((q) => ({ question: q, at: Math.min(now, actualCloseTime(q)) })), population);
  const crowdOf = new Map(listedDiscrete.map((q, i) => [q.id, crowdCells[i]]));
  const myForecasts = viewer ? listOwnForecastsOn(db, viewer.id, discreteIds) : new Map<string, QuestionForecast[]>();
  // The crowd people see: people only unless the desk counts bots (lib/population), from the kept
  // history of that population.
  // Numeric and date questions: who forecast them (CDF forecasts); their crowd cell shows "—" for now.
  const cdfForecasters = cdfForecastersByQuestion(db, listed.filter(isContinuousQuestion).map((q) => q.id));
  // Changing tab or tag starts again at page 1; only the pager passes a page.
  const href = (over: { tab?: ListTab; tag?: string | null; page?: number; needs?: boolean }) => {
    const p = new URLSearchParams();
    p.set("tab", over.tab ?? tab);
    if (over.needs ?? (over.tab === undefined && parsed.needs)) p.set("needs", "1");
    const t = over.tag === null ? undefined : (over.tag ?? tag);
    if (t) p.set("tag", t);
    if (search) p.set("q", search);
    if (over.page && over.page > 1) p.set("page", String(over.page));
    return `/questions?${p.toString()}`;
  };
  const rows = listed.map((q): QuestionListRow => {
    const status = questionStatus(q, now);
    const common = {
      id: q.id,
      title: q.title,
      tags: q.tags.map((t) => ({ name: t, href: href({ tag: t }) })),
      typeLabel: questionTypeLabel(q),
      deadline: { closeTime: q.closeTime, resolveBy: q.resolveBy, forecastingOver: !(status === "open" || status === "upcoming" || status === "draft") },
      status: { status, due: isDueForResolution(q, now), detail: q.outcome && q.outcome.kind !== "annulled" ? outcomeLabel(q, q.outcome) : null },
    };
    if (!isDiscreteQuestion(q)) {
      const forecasters = cdfForecasters.get(q.id)!;
      const hidden = isCrowdHiddenFrom(q, viewer, viewer !== null && forecasters.has(viewer.id), now);
      return { ...common, forecasters: forecasters.size, crowd: hidden ? "hidden" : null, mine: null };
    }
    const mineOnQ = myForecasts.get(q.id) ?? [];
    const hidden = isCrowdHiddenFrom(q, viewer, mineOnQ.length > 0, now);
    const crowd = hidden ? null : crowdOf.get(q.id)!;
    const position = viewer ? positionOf(q, mineOnQ) : null;
    const mine = position
      ? {
          text: leadingText(q, position.standing.probabilities),
          age: forecastAgeText(position.ageMs),
          needsUpdate: position.needsUpdate.map((r) => NEEDS_UPDATE_TEXT[r]),
          canReaffirm: acceptsForecasts(q, now),
        }
      : null;
    return { ...common, forecasters: forecasterCounts[q.id], crowd: hidden ? "hidden" : crowd ? leadingText(q, crowd) : null, mine };
  });
  const tags = listTagsInUse(db, isAdmin);

  return (
    <>
      <PageHeader
        title="Questions"
        lede="Crowd forecast: recency-weighted median of everyone's standing forecast."
        actions={
          isAdmin ? (
            <Link href="/questions/new" className="btn btn-primary">
              New question
            </Link>
          ) : viewer ? (
            <Link href="/questions/new" className="btn">
              Propose a question
            </Link>
          ) : null
        }
      />

      <nav className="tabs" aria-label="Question status">
        {(viewer ? [...TABS, { tab: "mine" as const, label: "Mine" }] : TABS).map((t) => (
          <Link key={t.tab} href={href({ tab: t.tab })} className="tab" aria-current={t.tab === tab ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>

      {tab === "mine" ? (
        <p className="row small" data-testid="needs-update-summary">
          <span>
            {needsUpdateCount === 0
              ? "None of your forecasts needs an update."
              : `${needsUpdateCount} of your forecasts ${needsUpdateCount === 1 ? "needs" : "need"} an update`}{" "}
            (older than {staleAfterDays} days, or the crowd moved more than 10 points since;{" "}
            <Link href="/settings">change the threshold</Link>).
          </span>
          {parsed.needs ? (
            <Link href={href({ needs: false, page: 1 })}>Show all of mine</Link>
          ) : needsUpdateCount > 0 ? (
            <Link href={href({ needs: true, page: 1 })}>Show only those needing an update</Link>
          ) : null}
        </p>
      ) : null}

      <form method="get" action="/questions" className="row" role="search" style={{ marginBottom: "1rem" }}>
        <input type="hidden" name="tab" value={tab} />
        <div className="field" style={{ margin: 0, flex: "1 1 16rem" }}>
          <label htmlFor="q" className="sr-only">
            Search questions
          </label>
          <input id="q" name="q" type="search" placeholder="Search questions" defaultValue={search ?? ""} />
        </div>
        <div className="field" style={{ margin: 0 }}>
          <TagSelect id="tag" tags={tags} value={tag} hideLabel />
        </div>
        <button type="submit" className="btn">
          Filter
        </button>
        {tag || search ? (
          <Link href={`/questions?tab=${tab}`} className="small">
            Clear filters
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <EmptyCard>
          {tab === "mine" ? (
            <>
              You have not forecast {parsed.needs ? "anything that needs an update" : "yet"}.{" "}
              <Link href="/questions?tab=open">Open questions</Link>
            </>
          ) : (
            "No questions here"
          )}
          {tag ? ` tagged “${tag}”` : ""}
          {search ? ` matching “${search}”` : ""}.
        </EmptyCard>
      ) : (
        <QuestionListTable rows={rows} withYou={viewer !== null} />
      )}

      {total > 0 ? (
        <nav aria-label="Question list pages" className="row small" style={{ marginTop: "1rem" }}>
          {page > 1 ? (
            <Link href={href({ page: page - 1 })} rel="prev">
              Previous
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              Previous
            </span>
          )}
          <span aria-live="polite">
            Page {page} of {pageCount} · {total} {total === 1 ? "question" : "questions"}
          </span>
          {page < pageCount ? (
            <Link href={href({ page: page + 1 })} rel="next">
              Next
            </Link>
          ) : (
            <span className="muted" aria-disabled="true">
              Next
            </span>
          )}
        </nav>
      ) : null}
    </>
  );
}
