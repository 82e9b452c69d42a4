import { otherMethods } from "../../../_lib/methods";
import { crowdIncludesBots, isBot } from "@/db/queries/bots";
import { findForecasterName, forecasterTrackRecord } from "@/db/queries/track-records";
import { findUserByHandle } from "@/db/queries/users";
import { forecasterContinuousRecord } from "@/db/queries/continuous-track-records";
import { isoTime } from "@/lib/api/present";
import { forecasterPathParams, scoresQuery } from "@/lib/api/schemas";
import { defaultPopulation } from "@/lib/population";
import { periodBounds } from "@/lib/validation/track-record-filters";
import { apiGet } from "../../../_lib/handler";

/** GET /api/v1/forecasters/{handle}/scores?from&to&tag&sample&bins&population — the profile page's numbers as JSON. */
export const GET = apiGet({ access: "public", params: forecasterPathParams, query: scoresQuery }, ({ db, params, query }) => {
  const forecaster = findForecasterName(db, params.handle);
  if (!forecaster) return { status: 404, body: { error: { code: "not_found", message: "No such forecaster", field: "handle" } } };
  const population = query.population ?? defaultPopulation(crowdIncludesBots(db));
  const filter = { ...periodBounds(query), tag: query.tag ?? null };
  // The profile page's record (db/queries/track-records forecasterTrackRecord), number for number.
  // Numeric and date questions join the summary's pooled means and add their own (as on the profile).
  const options = { filter, population, sample: query.sample, bins: query.bins };
  const continuous = forecasterContinuousRecord(db, params.handle, options);
  const record = forecasterTrackRecord(db, params.handle, options, continuous.rows.map((r) => r.row));
  const user = findUserByHandle(db, params.handle);
  const { bins, ...murphy } = record.calibration;
  return {
    status: 200,
    body: {
      handle: forecaster.handle,
      name: forecaster.name,
      isBot: user ? isBot(db, user.id) : false,
      population,
      summary: record.summary,
      questions: record.rows.map((r) => ({
        questionId: r.row.question,
        title: r.title,
        resolved: isoTime(r.resolveTime),
        outcome: r.outcomeLabel,
        finalForecast: r.finalForecast,
        finalBrier: r.row.finalBrier,
        brierTimeAvg: r.row.brierTimeAvg,
        relativeBrier: r.row.relativeBrier,
        baseline: r.row.baseline,
        peer: r.row.peer,
        coverage: r.row.coverage,
      })),
      calibration: { sample: query.sample, bins, murphy: record.samples.length ? murphy : null },
    },
  };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
