import { CalibrationPanel } from "@/components/track-records/CalibrationPanel";
import { ExtremizingPanel } from "@/components/track-records/ExtremizingPanel";
import { MethodComparisonPanel } from "@/components/track-records/MethodComparisonPanel";
import { CalibrationBinsField, FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { PitCalibrationPanel } from "@/components/track-records/PitCalibrationPanel";
import { getDb } from "@/db/client";
import { keptContinuousCrowdRecord, loadResolvedContinuousQuestions } from "@/db/queries/continuous-track-records";
import {
  CONTINUOUS_AGGREGATION_METHOD_LABELS,
  continuousCrowdRecordOf,
  scoreContinuousQuestions,
} from "@/lib/track-records/continuous-record";
import { crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation } from "@/lib/population";
import { keptCrowdRecord, keptRowsServe, listResolvedQuestionTags, loadResolvedQuestions } from "@/db/queries/track-records";
import { AGGREGATION_METHOD_LABELS } from "@/lib/track-records/method-record";
import { crowdRecord } from "@/lib/track-records/crowd-record";
import { scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, DEFAULT_SCORING_PARAMS } from "@/lib/types";
import { crowdFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatNumber } from "@/lib/format/number";
import { Table } from "@/components/ui/Table";

export const metadata = { title: "The crowd's track record" };

/** A 95% interval of a difference, signed as the difference itself is ("−0.0158 to +0.0046"). */
function interval(lo: number | null, hi: number | null): string {
  return lo === null || hi === null ? "—" : `${formatNumber(lo, "score", { signed: true })} to ${formatNumber(hi, "score", { signed: true })}`;
}

export default async function CrowdPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  const { values, errors } = parseTrackRecordParams(crowdFields, await searchParams);
  const bins = values.bins ?? DEFAULT_SCORING_PARAMS.calibrationBins;
  const params = DEFAULT_SCORING_PARAMS;
  const who = values.who ?? defaultPopulation(crowdIncludesBots(db));
  const filter = { ...periodBounds(values), tag: values.tag ?? null };
  // Kept crowd scores and samples of the population (db/queries/kept-scores), summarised by the
  // engine; bots only is scored on the request.
  const kept = keptRowsServe(db, who);
  const crowd = kept
    ? keptCrowdRecord(db, { ...filter, population: who }, bins)
    : crowdRecord(scoreResolvedQuestions(loadResolvedQuestions(db, { ...filter, population: who }).questions, params), params, bins);
  const continuous = kept
    ? keptContinuousCrowdRecord(db, { ...filter, population: who }, bins)
    : continuousCrowdRecordOf(scoreContinuousQuestions(loadResolvedContinuousQuestions(db, { ...filter, population: who }).questions), bins);
  const tags = listResolvedQuestionTags(db);

  return (
    <div className="stack">
      <PageHeader
        title="The crowd's track record"
        lede={
          <>
            How each way of pooling the team&apos;s forecasts would have scored at close on {crowd.nQuestions} resolved binary
            and scenario question{crowd.nQuestions === 1 ? "" : "s"}
            {continuous.nQuestions > 0 ? (
              <>
                {" "}
                and {continuous.nQuestions} numeric and date question{continuous.nQuestions === 1 ? "" : "s"}
              </>
            ) : null}
            {selectionPhrase({ ...values, who })}.
          </>
        }
      />
      <FilterErrors errors={errors} />
      <TrackRecordFilters action="/crowd" from={values.from} to={values.to} tag={values.tag} tags={tags} who={who}>
        <CalibrationBinsField bins={bins} />
      </TrackRecordFilters>

      <p className="notice" data-testid="best-method-sentence">
        {crowd.sentence}
      </p>

      <Table
        testId="method-table"
        inCard={false}
        caption="Scores of the five aggregation methods"
        columns={[
          { label: "Method" },
          { label: "Questions", numeric: true },
          { label: <span title="0–1, lower is better">Mean Brier</span>, cardLabel: "Mean Brier", numeric: true },
          { label: <span title="ln p of what happened, nats, higher is better">Mean log score</span>, cardLabel: "Mean log score", numeric: true },
          { label: <span title="This method minus the default, mean over questions">Brier − default</span>, cardLabel: "Brier − default", numeric: true },
          { label: "95% interval", cardLabel: "Brier 95% interval" },
          { label: "Log score − default", numeric: true },
          { label: "95% interval", cardLabel: "Log score 95% interval" },
        ]}
      >
            {crowd.methods.map((m) => (
              <tr key={m.method} data-method={m.method}>
                <th scope="row">
                  {AGGREGATION_METHOD_LABELS[m.method]}
                  {m.isDefault ? " (default)" : ""}
                </th>
                <td className="num">{m.n}</td>
                <td className="num" data-field="mean-brier">{formatNumber(m.meanBrier, "score")}</td>
                <td className="num" data-field="mean-log-score">{formatNumber(m.meanLogScore, "score")}</td>
                <td className="num">{formatNumber(m.brierDifference.mean, "score", { signed: true })}</td>
                <td className="num">{interval(m.brierDifference.lo, m.brierDifference.hi)}</td>
                <td className="num">{formatNumber(m.logScoreDifference.mean, "score", { signed: true })}</td>
                <td className="num">{interval(m.logScoreDifference.lo, m.logScoreDifference.hi)}</td>
              </tr>
            ))}
      </Table>

      <h2>How the methods compare</h2>
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

      {continuous.nQuestions === 0 ? null : (
        <section className="stack" aria-labelledby="continuous-crowd-title" data-testid="continuous-crowd">
          <h2 id="continuous-crowd-title">Numeric and date questions</h2>
          <Table
            testId="continuous-method-table"
            inCard={false}
            caption="Scores of the three aggregation methods on numeric and date questions"
            columns={[
              { label: "Method" },
              { label: "Questions", numeric: true },
              { label: <span title="ln of the probability the crowd gave the outcome's bucket, higher is better">Mean log score</span>, cardLabel: "Mean log score", numeric: true },
              { label: <span title="0–1 internal scale, lower is better">Mean CRPS</span>, cardLabel: "Mean CRPS", numeric: true },
              { label: <span title="50% for an unbiased crowd">Mean PIT</span>, cardLabel: "Mean PIT", numeric: true },
              { label: "50% intervals caught", numeric: true },
              { label: "90% intervals caught", numeric: true },
            ]}
          >
            {continuous.methods.map((m) => (
              <tr key={m.method} data-method={m.method}>
                <th scope="row">
                  {CONTINUOUS_AGGREGATION_METHOD_LABELS[m.method]}
                  {m.isDefault ? " (default)" : ""}
                </th>
                <td className="num">{m.n}</td>
                <td className="num" data-field="mean-log-score">{formatNumber(m.meanLogScore, "score")}</td>
                <td className="num" data-field="mean-crps">{formatNumber(m.meanCrps, "score")}</td>
                <td className="num" data-field="mean-pit">{formatNumber(m.meanPit, "probability")}</td>
                {m.calibration.centralIntervals.map((c) => (
                  <td key={c.level} className="num" data-field={`coverage-${c.level}`}>
                    {formatNumber(c.coverage, "probability")}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
          <PitCalibrationPanel
            title={`PIT histogram of everyone's final forecasts (${bins} bins)`}
            description="One sample per forecaster and resolved numeric or date question: the forecast standing at close, read at the outcome. A calibrated team's bars sit near the dashed expected count."
            calibration={continuous.everyone}
            whose="Everyone's"
            csvFilename={`pit-everyone-${bins}bins.csv`}
            testId="continuous-calibration-everyone"
          />
          <div className="grid grid-2">
            {continuous.methods.map((m) => (
              <PitCalibrationPanel
                key={m.method}
                title={`PIT histogram: ${CONTINUOUS_AGGREGATION_METHOD_LABELS[m.method]}${m.isDefault ? " (default)" : ""}`}
                description="One sample per resolved numeric or date question: the method's crowd distribution at close, read at the outcome."
                calibration={m.calibration}
                whose={`The ${CONTINUOUS_AGGREGATION_METHOD_LABELS[m.method]}'s`}
                csvFilename={`pit-crowd-${m.method}-${bins}bins.csv`}
                testId={`continuous-calibration-${m.method}`}
                countLabel="questions"
                noun="question"
              />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
