import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { datasetToCsv, neutraliseFormulaCell, readDatasetCsv, restoreFormulaCell } from "@/lib/exchange/csv";
import { DEFAULT_SCORING_PARAMS, type Dataset } from "@/lib/types";

const QH = "id,title,type,options,description,tags,open_time,close_time,resolve_by,resolve_time,resolution";
const FH = "question_id,forecaster,time,option,probability,rationale";
const questionsCsv = [
  QH,
  'b1,"Gas deal, signed?",binary,,"Two\nlines",energy|union,2024-01-01T00:00:00Z,2024-06-01T00:00:00Z,,2024-05-01T00:00:00Z,yes',
  "s1,Which first?,multiple_choice,2030|Gas|Neither,,,2024-01-01T00:00:00Z,2024-06-01T00:00:00Z,2024-06-02T00:00:00Z,,",
].join("\n");
const forecastsCsv = [
  FH,
  "b1,ana,2024-01-02T00:00:00Z,yes,0.3,gut",
  "b1,ana,2024-01-02T00:00:00Z,yes,0.4,",
  "s1,ben,2024-01-03T00:00:00Z,2030,0.2,first row carries the rationale",
  "s1,ben,2024-01-03T00:00:00Z,Gas,0.5,",
  "s1,ben,2024-01-03T00:00:00Z,Neither,0.3,",
].join("\n");

function readOk(files: { questions: string; forecasts: string }): Dataset {
  const read = readDatasetCsv(files);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.dataset;
}

describe("readDatasetCsv", () => {
  it("reads questions (| lists, empty = null) and groups option rows into forecasts", () => {
    const d = readOk({ questions: questionsCsv, forecasts: forecastsCsv });
    expect(d.questions[0]).toMatchObject({
      id: "b1",
      title: "Gas deal, signed?",
      type: "binary",
      options: ["no", "yes"],
      description: "Two\nlines",
      tags: ["energy", "union"],
      resolveBy: null,
      resolveTime: Date.parse("2024-05-01T00:00:00Z"),
      outcome: { kind: "option", option: 1 },
    });
    expect(d.questions[1]).toMatchObject({ options: ["2030", "Gas", "Neither"], outcome: null, tags: [], description: null });
    // Two rows with the same key and option: two forecasts at the same time, in file order.
    expect(d.forecasts.map((f) => [f.question, f.forecaster, f.probabilities, f.rationale])).toEqual([
      ["b1", "ana", [0.7, 0.3], "gut"],
      ["b1", "ana", [0.6, 0.4], null],
      ["s1", "ben", [0.2, 0.5, 0.3], "first row carries the rationale"],
    ]);
  });

  it("accepts CRLF line ends and a byte-order mark", () => {
    const d = readOk({ questions: "\uFEFF" + questionsCsv.replace(/\n(?=[a-z])/g, "\r\n"), forecasts: forecastsCsv.replace(/\n/g, "\r\n") });
    expect(d.forecasts).toHaveLength(3);
  });

  const errorsOf = (files: { questions: string; forecasts: string }) => {
    const read = readDatasetCsv(files);
    expect(read.ok).toBe(false);
    return read.ok ? [] : read.errors;
  };

  it("names the line (counting multi-line cells) and column of a v1 rule broken", () => {
    const bad = questionsCsv.replace("2024-06-01T00:00:00Z,2024-06-02", "2023-06-01T00:00:00Z,2024-06-02");
    expect(errorsOf({ questions: bad, forecasts: forecastsCsv })).toContainEqual({
      path: "questions.csv line 4, column close_time",
      rule: expect.stringContaining("open_time"),
    });
  });

  it("names the option row of a bad scenario probability", () => {
    const bad = forecastsCsv.replace("Gas,0.5", "Gas,1.5");
    expect(errorsOf({ questions: questionsCsv, forecasts: bad })).toContainEqual({
      path: "forecasts.csv line 5, column probability",
      rule: expect.any(String),
    });
  });

  it("rejects non-numbers, binary rows other than yes, and missing header columns", () => {
    expect(errorsOf({ questions: questionsCsv, forecasts: forecastsCsv.replace("yes,0.3", "yes,abc") })).toEqual([
      { path: "forecasts.csv line 2, column probability", rule: "must be a number in [0, 1]" },
    ]);
    expect(errorsOf({ questions: questionsCsv, forecasts: forecastsCsv.replace("yes,0.3", "no,0.3") })[0]).toEqual({
      path: "forecasts.csv line 2, column option",
      rule: "a binary forecast is one row with option yes (its probability is P(yes))",
    });
    expect(errorsOf({ questions: questionsCsv.replace(",resolution\n", "\n"), forecasts: forecastsCsv })[0]).toEqual({
      path: "questions.csv line 1",
      rule: "header is missing column(s) resolution",
    });
  });

  it("reads the optional columns of the desk's own question fields; a file without them still loads", () => {
    const header = `${QH},resolution_criteria,resolution_evidence,draft,hide_crowd_until_forecast,illustrative`;
    const rows = questionsCsv.slice(QH.length + 1).split(/\n(?=s1,)/); // the first row holds a quoted line break
    const withFields = [header, `${rows[0]},"Yes if signed, by both.",https://example.org/signed,false,true,true`, `${rows[1]},,,true,,`].join("\n");
    const d = readOk({ questions: withFields, forecasts: forecastsCsv });
    expect(d.questions[0]).toMatchObject({
      resolutionCriteria: "Yes if signed, by both.",
      evidence: "https://example.org/signed",
      isDraft: false,
      hideCrowdUntilForecast: true,
      isIllustrative: true,
    });
    expect(d.questions[1]).toMatchObject({ isDraft: true });
    for (const key of ["resolutionCriteria", "evidence", "hideCrowdUntilForecast", "isIllustrative"]) expect(d.questions[1]).not.toHaveProperty(key);
    // The older file (no such columns) reads as before.
    for (const key of ["resolutionCriteria", "evidence", "isDraft"]) expect(readOk({ questions: questionsCsv, forecasts: forecastsCsv }).questions[0]).not.toHaveProperty(key);
    // A flag that is not true/false is named by line and column.
    expect(errorsOf({ questions: withFields.replace(",true,,", ",yes,,"), forecasts: forecastsCsv })).toEqual([
      { path: "questions.csv line 4, column draft", rule: "must be true or false" }, // row 1 spans lines 2–3
    ]);
  });

  it("points a forecast on an unknown question at its question_id cell", () => {
    const errors = errorsOf({ questions: questionsCsv, forecasts: `${FH}\nzz,ana,2024-01-02T00:00:00Z,yes,0.3,` });
    expect(errors[0].path).toBe("forecasts.csv line 2, column question_id");
  });
});

describe("datasetToCsv", () => {
  it("writes what readDatasetCsv reads back, options in scenario order even when labels look like numbers", () => {
    const d = readOk({ questions: questionsCsv, forecasts: forecastsCsv });
    const files = datasetToCsv(d);
    expect(files.forecasts.split("\n").slice(0, 4)).toEqual([
      FH,
      "b1,ana,2024-01-02T00:00:00.000Z,yes,0.3,gut",
      "b1,ana,2024-01-02T00:00:00.000Z,yes,0.4,",
      "s1,ben,2024-01-03T00:00:00.000Z,2030,0.2,first row carries the rationale",
    ]);
    expect(readOk(files)).toEqual(d);
  });

  it("neutralises formula cells in text columns only, and the import restores them exactly", () => {
    const base = readOk({ questions: questionsCsv, forecasts: forecastsCsv });
    const d: Dataset = {
      ...base,
      questions: base.questions.map((q, i) =>
        i === 0
          ? { ...q, title: "=HYPERLINK(\"http://evil.example\",\"x\")", description: "+1 more", tags: ["@team", "-risk"] }
          : { ...q, title: "'=already quoted", options: ["=2030", "Gas", "\tNeither"] },
      ),
      forecasts: base.forecasts.map((f, i) => (i === 0 ? { ...f, forecaster: "@ana", rationale: "-cmd|' /C calc'!A0" } : f)),
    };
    const files = datasetToCsv(d);
    const qLines = files.questions.split("\n");
    expect(qLines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(qLines[1]).toContain(",'+1 more,");
    expect(qLines[1]).toContain(",'@team|-risk,");
    expect(qLines[2]).toContain(",''=already quoted,");
    expect(qLines[2]).toContain(`,'=2030|Gas|\tNeither,`);
    // times and probabilities untouched
    expect(qLines[1]).toContain(",2024-01-01T00:00:00.000Z,");
    const fLines = files.forecasts.split("\n");
    expect(fLines[1]).toBe("b1,'@ana,2024-01-02T00:00:00.000Z,yes,0.3,'-cmd|' /C calc'!A0");
    // Every cell of every line that a spreadsheet would run as a formula has been neutralised.
    for (const line of [...qLines.slice(1), ...fLines.slice(1)])
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
    expect(readOk(files)).toEqual(d);
  });

  it("property: restoreFormulaCell undoes neutraliseFormulaCell, whose output never starts a formula", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", "1", " ") }), (cell) => {
        const out = neutraliseFormulaCell(cell);
        expect(out).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreFormulaCell(out)).toBe(cell);
      }),
    );
  });

  it("refuses a label holding the list separator", () => {
    const d: Dataset = {
      params: DEFAULT_SCORING_PARAMS,
      questions: [{ ...readOk({ questions: questionsCsv, forecasts: FH }).questions[1], options: ["a|b", "c"] }],
      forecasts: [],
    };
    expect(() => datasetToCsv(d)).toThrow(/contains "\|"/);
  });
});
