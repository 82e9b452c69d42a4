import type { Metadata } from "next";
import Link from "next/link";
import { requestTime } from "@/app/(desk)/request-time";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { botIdentities, crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation, forecastsOf as populationForecasts } from "@/lib/population";
import { listForecastsByHandle, type ForecastByHandle } from "@/db/queries/forecasts";
import { listQuestions, listTagsInUse } from "@/db/queries/questions";
import { percentText } from "@/components/forecast/forecast-display";
import { QuestionDeadline } from "@/components/forecast/QuestionDeadline";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyCard, Table } from "@/components/ui/Table";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { readForecasts } from "@/lib/probability";
import { isCrowdHiddenFrom, isDueForResolution, questionStatus } from "@/lib/question-lifecycle";
import { questionPage } from "@/lib/question-paging";
import { isInQuestionTab } from "@/lib/question-tabs";
import { actualCloseTime } from "@/lib/standing-forecast";
import { DEFAULT_AGGREGATION_METHOD, type Question } from "@/lib/types";
import { questionListParams, type QuestionTab } from "@/lib/validation/question";
import { TagSelect } from "@/components/ui/TagSelect";

export const metadata: Metadata = { title: "Questions" };
export const dynamic = "force-dynamic";

const TABS: ReadonlyArray<{ tab: QuestionTab; label: string }> = [
  { tab: "open", label: "Open" },
  { tab: "closing-soon", label: "Closing soon" },
  { tab: "due", label: "Due" },
  { tab: "closed", label: "Closed" },
  { tab: "resolved", label: "Resolved" },
  { tab: "all", label: "All" },
];

/** Binary: P(yes); scenario set: the leading scenario and its probability. */
function crowdText(q: Question, crowd: number[]): string {
  if (q.type === "binary") return `${percentText(crowd[1])} yes`;
  let lead = 0;
  crowd.forEach((p, i) => {
    if (p > crowd[lead]) lead = i;
  });
  return `${q.options[lead]} ${percentText(crowd[lead])}`;
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QuestionsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const { tab, tag, q: search, page: requestedPage } = questionListParams.parse({
    tab: first(raw.tab),
    tag: first(raw.tag),
    q: first(raw.q),
    page: first(raw.page),
  });
  const viewer = await getViewer();
  const isAdmin = viewer?.role === "admin";
  const db = getDb();
  const now = await requestTime();
  const inTab = listQuestions(db, { tag, search, includeDrafts: isAdmin }).filter((q) => isInQuestionTab(q, tab, now));
  if (tab === "resolved") inTab.reverse();
  const { items: listed, page, pageCount, total } = questionPage(inTab, requestedPage);
  // One query for the shown questions' forecasts, grouped here (forecasters keyed by handle).
  const forecastsOf = new Map<string, ForecastByHandle[]>(listed.map((q) => [q.id, []]));
  for (const f of listForecastsByHandle(db, listed.map((q) => q.id))) forecastsOf.get(f.question)!.push(f);
  // The crowd people see: people only unless the desk counts bots (lib/population).
  const population = defaultPopulation(crowdIncludesBots(db));
  const bots = botIdentities(db).handles;
  const rows = listed.map((q) => {
    const forecasts = forecastsOf.get(q.id)!;
    const forecasters = new Set(forecasts.map((f) => f.forecaster));
    const hidden = isCrowdHiddenFrom(q, viewer, viewer !== null && forecasters.has(viewer.handle), now);
    const pooled = populationForecasts(forecasts, bots, (f) => f.forecaster, population);
    const crowd = hidden ? null : crowdForecastAt(q, readForecasts(q.type, pooled), Math.min(now, actualCloseTime(q)), DEFAULT_AGGREGATION_METHOD);
    return { q, forecasters: forecasters.size, hidden, crowd, status: questionStatus(q, now), due: isDueForResolution(q, now) };
  });
  const tags = listTagsInUse(db, isAdmin);
  // Changing tab or tag starts again at page 1; only the pager passes a page.
  const href = (over: { tab?: QuestionTab; tag?: string | null; page?: number }) => {
    const p = new URLSearchParams();
    p.set("tab", over.tab ?? tab);
    const t = over.tag === null ? undefined : (over.tag ?? tag);
    if (t) p.set("tag", t);
    if (search) p.set("q", search);
    if (over.page && over.page > 1) p.set("page", String(over.page));
    return `/questions?${p.toString()}`;
  };

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
          ) : null
        }
      />

      <nav className="tabs" aria-label="Question status">
        {TABS.map((t) => (
          <Link key={t.tab} href={href({ tab: t.tab })} className="tab" aria-current={t.tab === tab ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>

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
          No questions here{tag ? ` tagged “${tag}”` : ""}
          {search ? ` matching “${search}”` : ""}.
        </EmptyCard>
      ) : (
        <Table
          testId="question-list"
          columns={[
            { label: "Question" },
            { label: "Type" },
            { label: "Crowd forecast" },
            { label: "Forecasters", numeric: true },
            { label: "Deadline" },
            { label: "Status" },
          ]}
        >
          {rows.map(({ q, forecasters, hidden, crowd, status, due }) => (
            <tr key={q.id} data-question-id={q.id}>
              <td>
                <Link href={`/questions/${encodeURIComponent(q.id)}`}>{q.title}</Link>
                {q.tags.length ? (
                  <div className="small muted">
                    {q.tags.map((t, i) => (
                      <span key={t}>
                        {i > 0 ? " · " : ""}
                        <Link href={href({ tag: t })} className="muted">
                          {t}
                        </Link>
                      </span>
                    ))}
                  </div>
                ) : null}
              </td>
              <td>{q.type === "binary" ? "Binary" : `Scenario set (${q.options.length})`}</td>
              <td data-testid="crowd-cell">
                {hidden ? (
                  <span className="muted small">hidden until you forecast</span>
                ) : crowd ? (
                  crowdText(q, crowd)
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="num">{forecasters}</td>
              <td className="small">
                <QuestionDeadline
                  question={q}
                  forecastingOver={!(status === "open" || status === "upcoming" || status === "draft")}
                />
              </td>
              <td>
                <StatusBadge status={status} due={due} />
              </td>
            </tr>
          ))}
        </Table>
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
