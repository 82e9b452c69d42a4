import { CalibrationPanel } from "@/components/track-records/CalibrationPanel";
import { ExtremizingPanel } from "@/components/track-records/ExtremizingPanel";
import { MethodComparisonPanel } from "@/components/track-records/MethodComparisonPanel";
import { formatScore } from "@/components/track-records/score-format";
import { CalibrationBinsField, FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { getDb } from "@/db/client";
import { crowdRecordInputs, listResolvedQuestionTags } from "@/db/queries/track-records";
import { AGGREGATION_METHOD_LABELS } from "@/lib/track-records/method-record";
import { crowdRecordFrom } from "@/lib/track-records/crowd-record";
import { AGGREGATION_METHODS, DEFAULT_SCORING_PARAMS } from "@/lib/types";
import { crowdFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";

export const metadata = { title: "The crowd's track record" };

function interval(lo: number | null, hi: number | null): string {
  return lo === null || hi === null ? "—" : `${formatScore(lo, 4)} to ${formatScore(hi, 4)}`;
}

export default async function CrowdPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  const { values, errors } = parseTrackRecordParams(crowdFields, await searchParams);
  const bins = values.bins ?? DEFAULT_SCORING_PARAMS.calibrationBins;
  const params = DEFAULT_SCORING_PARAMS;
  // Kept crowd scores and samples (db/queries/kept-scores), summarised by the engine.
  const crowd = crowdRecordFrom(crowdRecordInputs(db, { ...periodBounds(values), tag: values.tag ?? null }), bins);
  const tags = listResolvedQuestionTags(db);

  return (
    <div className="stack">
      <PageHeader
        title="The crowd's track record"
        lede={
          <>
            How each way of pooling the team&apos;s forecasts would have scored at close on {crowd.nQuestions} resolved question
            {crowd.nQuestions === 1 ? "" : "s"}
            {selectionPhrase(values)}.
          </>
        }
      />
      <FilterErrors errors={errors} />
      <TrackRecordFilters action="/crowd" from={values.from} to={values.to} tag={values.tag} tags={tags}>
        <CalibrationBinsField bins={bins} />
      </TrackRecordFilters>

      <p className="notice" data-testid="best-method-sentence">
        {crowd.sentence}
      </p>

      <div className="table-wrap">
        <table className="table" data-testid="method-table">
          <caption className="sr-only">Scores of the five aggregation methods</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Questions</th>
              <th scope="col" title="0–1, lower is better">Mean Brier</th>
              <th scope="col" title="ln p of what happened, nats, higher is better">Mean log score</th>
              <th scope="col" title="This method minus the default, mean over questions">Brier − default</th>
              <th scope="col">95% interval</th>
              <th scope="col">Log score − default</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {crowd.methods.map((m) => (
              <tr key={m.method} data-method={m.method}>
                <th scope="row">
                  {AGGREGATION_METHOD_LABELS[m.method]}
                  {m.isDefault ? " (default)" : ""}
                </th>
                <td>{m.n}</td>
                <td data-field="mean-brier">{formatScore(m.meanBrier, 4)}</td>
                <td data-field="mean-log-score">{formatScore(m.meanLogScore, 4)}</td>
                <td>{formatScore(m.brierDifference.mean, 4)}</td>
                <td>{interval(m.brierDifference.lo, m.brierDifference.hi)}</td>
                <td>{formatScore(m.logScoreDifference.mean, 4)}</td>
                <td>{interval(m.logScoreDifference.lo, m.logScoreDifference.hi)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <MethodComparisonPanel methods={crowd.methods} />
      <ExtremizingPanel fit={crowd.extremizing} defaultD={params.extremizeD} />

      <CalibrationPanel
        title="Calibration of everyone's final forecasts"
        description="One sample per forecaster and resolved binary question: the forecast standing at close. Dots sized by the number of forecasts, bars are 95% Jeffreys intervals."
        bins={crowd.everyone.calibration.bins}
        histogram={crowd.everyone.histogram}
        csvFilename={`calibration-everyone-${bins}bins.csv`}
        testId="reliability-everyone"
      />

      <h2>Calibration of each method</h2>
      <div className="grid grid-2">
        {AGGREGATION_METHODS.map((method) => (
          <CalibrationPanel
            key={method}
            title={`Calibration: ${AGGREGATION_METHOD_LABELS[method]}${method === "recency_weighted_median" ? " (default)" : ""}`}
            description="One sample per resolved binary question: the method's crowd forecast at close. Dots sized by the number of questions, bars are 95% Jeffreys intervals."
            bins={crowd.calibration[method].calibration.bins}
            histogram={crowd.calibration[method].histogram}
            csvFilename={`crowd-calibration-${method}-${bins}bins.csv`}
            testId={`reliability-${method}`}
            countLabel="questions"
          />
        ))}
      </div>
    </div>
  );
}
