// The long CSV layout of a dataset (docs/csv-format.md): a questions file, one row per question, and a
// forecasts file, one row per forecast and option. CSV is turned into a forecast-desk/v1 document and
// validated by the same rules as JSON (readDatasetV1); errors name the file, line and column.
import Papa from "papaparse";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { isContinuousType } from "@/lib/continuous/types";
import { datasetToV1Json, type V1Forecast, type V1Question } from "@/lib/exchange/write-v1";
import type { V1CdfForecast, V1ContinuousQuestion } from "@/lib/exchange/write-v1-continuous";
import type { Dataset } from "@/lib/types";

/**
 * Columns an older file may lack (docs/exchange-format.md §3.2 optional keys, named the same): the desk's own
 * question fields. Text: empty means none. Flags: `true` or `false`, empty means false.
 */
const TEXT_COLUMNS = ["resolution_criteria", "resolution_evidence"] as const;
const FLAG_COLUMNS = ["draft", "hide_crowd_until_forecast", "illustrative"] as const;
const OPTIONAL_COLUMNS: readonly string[] = [...TEXT_COLUMNS, ...FLAG_COLUMNS];
/** The header an export writes: every column, in the order of the JSON keys. */
const WRITTEN_QUESTION_COLUMNS = [
  "id",
  "title",
  "type",
  "options",
  "description",
  "resolution_criteria",
  "tags",
  "open_time",
  "close_time",
  "resolve_by",
  "resolve_time",
  "resolution",
  "resolution_evidence",
  "draft",
  "hide_crowd_until_forecast",
  "illustrative",
] as const;
/** The columns every questions file must have. */
export const QUESTION_COLUMNS = WRITTEN_QUESTION_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c));
export const FORECAST_COLUMNS = ["question_id", "forecaster", "time", "option", "probability", "rationale"] as const;
/** Columns of numeric and date questions (docs/csv-format.md); files without such questions may leave them out. */
export const CONTINUOUS_QUESTION_COLUMNS = ["range_min", "range_max", "zero_point", "open_lower_bound", "open_upper_bound"] as const;
/** A numeric question's unit: written after the scale columns, optional when reading. */
export const UNIT_COLUMN = "unit";
/** The column of a numeric or date forecast: its 201 CDF values separated by "|". */
export const CDF_COLUMN = "cdf";

/** Free-text columns: their cells are neutralised against formula injection on export (numbers and times are not). */
const QUESTION_TEXT_COLUMNS = new Set(["id", "title", "options", "description", "tags", "resolution", "resolution_evidence", "unit"]);
const FORECAST_TEXT_COLUMNS = new Set(["question_id", "forecaster", "option", "rationale"]);

/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell starting with =, +, -, @, tab or
 * carriage return as a formula. Such a cell gets a leading apostrophe, which spreadsheets show as
 * text. Cells that already start with apostrophes before one of those characters get one more, so
 * restoreFormulaCell undoes exactly one and every text survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
export function neutraliseFormulaCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
/** The inverse of neutraliseFormulaCell, for the CSV import. */
export function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** Separates option labels and tags inside one CSV cell. */
export const LIST_SEPARATOR = "|";

export interface CsvFiles {
  questions: string;
  forecasts: string;
}

/** A problem found in CSV input; `path` reads like `forecasts.csv line 12, column probability`. */
export interface CsvProblem {
  path: string;
  rule: string;
}

export type CsvReadResult =
  | {
      ok: true;
      dataset: Dataset;
      /** Turns a path into the dataset (`forecasts[4].time`) into a CSV line and column, for later errors. */
      locate: (path: string) => string;
    }
  | { ok: false; errors: CsvProblem[] };

type FileName = "questions.csv" | "forecasts.csv";

interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  cells: Record<string, string>;
}

function where(file: FileName, line: number, column?: string): string {
  return column ? `${file} line ${line}, column ${column}` : `${file} line ${line}`;
}

/** Parses one CSV text into rows keyed by header, remembering the line each row starts on. */
function parseRows(
  text: string,
  file: FileName,
  columns: readonly string[],
  problems: CsvProblem[],
  textColumns: ReadonlySet<string>,
): CsvRow[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const raw: Array<{ line: number; fields: string[] }> = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(normalised, {
    delimiter: ",",
    newline: "\n",
    step: (result) => {
      raw.push({ line, fields: result.data });
      for (const e of result.errors) problems.push({ path: where(file, line), rule: `malformed CSV (${e.message})` });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (normalised.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  const nonEmpty = raw.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ""));
  if (nonEmpty.length === 0) {
    problems.push({ path: where(file, 1), rule: `must start with a header row: ${columns.join(",")}` });
    return [];
  }
  const header = nonEmpty[0].fields.map((h) => h.trim());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push({ path: where(file, nonEmpty[0].line), rule: `header is missing column(s) ${missing.join(", ")}` });
    return [];
  }
  return nonEmpty.slice(1).map(({ line: rowLine, fields }) => {
    if (fields.length !== header.length)
      problems.push({ path: where(file, rowLine), rule: `has ${fields.length} fields, the header has ${header.length}` });
    const cells: Record<string, string> = {};
    header.forEach((name, k) => {
      const cell = fields[k] ?? "";
      if (!(name in cells)) cells[name] = textColumns.has(name) ? restoreFormulaCell(cell) : cell;
    });
    return { line: rowLine, cells };
  });
}

function list(cell: string): string[] {
  return cell === "" ? [] : cell.split(LIST_SEPARATOR);
}

function orNull(cell: string): string | null {
  return cell === "" ? null : cell;
}

/** Where a v1 path came from in the CSV files. */
interface SourceMap {
  questions: CsvRow[];
  /** The rows of each forecast, in the forecast's option order as written. */
  forecasts: Array<{ rows: CsvRow[] }>;
}

const QUESTION_KEY_COLUMN: Record<string, string> = { options: "options", tags: "tags" };
const FORECAST_KEY_COLUMN: Record<string, string> = {
  question: "question_id",
  forecaster: "forecaster",
  time: "time",
  probability: "probability",
  probabilities: "option",
  rationale: "rationale",
  cdf: CDF_COLUMN,
};

/** Turns a JSON path of the v1 document back into a file, line and column. */
function locate(path: string, source: SourceMap): string {
  const m = /^(questions|forecasts)\[(\d+)\](?:\.([a-z_]+))?(.*)$/.exec(path);
  if (!m) return path === "$" || path === "" ? "CSV input" : `CSV input (${path})`;
  const [, kind, indexText, key, rest] = m;
  const index = Number(indexText);
  if (kind === "questions") {
    const row = source.questions[index];
    if (!row) return `questions.csv (${path})`;
    return where("questions.csv", row.line, key ? (QUESTION_KEY_COLUMN[key] ?? key) : undefined);
  }
  const forecast = source.forecasts[index];
  if (!forecast) return `forecasts.csv (${path})`;
  let row = forecast.rows[0];
  let column = key ? (FORECAST_KEY_COLUMN[key] ?? key) : undefined;
  const label = /^\["((?:[^"\\]|\\.)*)"\]$/.exec(rest);
  if (key === "probabilities" && label) {
    const option = JSON.parse(`"${label[1]}"`) as string;
    row = forecast.rows.find((r) => r.cells.option === option) ?? row;
    column = "probability";
  }
  return where("forecasts.csv", row.line, column);
}

/**
 * Builds the v1 document of two CSV files. Rows of one forecast are consecutive rows with the same
 * (question_id, forecaster, time); a repeated option starts the next forecast (two forecasts at one time).
 */
function csvToV1(files: CsvFiles, problems: CsvProblem[]): { document: unknown; source: SourceMap } {
  const qRows = parseRows(files.questions, "questions.csv", QUESTION_COLUMNS, problems, QUESTION_TEXT_COLUMNS);
  const fRows = parseRows(files.forecasts, "forecasts.csv", FORECAST_COLUMNS, problems, FORECAST_TEXT_COLUMNS);
  const typeById = new Map<string, string>();
  const questions = qRows.map(({ cells }) => {
    typeById.set(cells.id, cells.type);
    const details: Record<string, unknown> = {};
    for (const column of TEXT_COLUMNS) if (cells[column]) details[column] = cells[column];
    for (const column of FLAG_COLUMNS) {
      const cell = cells[column]?.trim();
      // Anything but true/false goes on as given, and the v1 rules name its line and column.
      if (cell) details[column] = cell === "true" ? true : cell === "false" ? false : cell;
    }
    if (isContinuousType(cells.type)) return { ...details, ...continuousQuestionFromCsv(cells) };
    return {
      ...details,
      id: cells.id,
      title: cells.title,
      type: cells.type,
      ...(cells.type === "binary" ? {} : { options: list(cells.options) }),
      ...(cells.description === "" ? {} : { description: cells.description }),
      tags: list(cells.tags),
      open_time: cells.open_time,
      close_time: cells.close_time,
      resolve_by: orNull(cells.resolve_by),
      resolve_time: orNull(cells.resolve_time),
      resolution: orNull(cells.resolution),
    };
  });

  const groups: Array<{ rows: CsvRow[] }> = [];
  for (const row of fRows) {
    const last = groups[groups.length - 1];
    const head = last?.rows[0].cells;
    const c = row.cells;
    const sameKey = head && head.question_id === c.question_id && head.forecaster === c.forecaster && head.time === c.time;
    if (sameKey && !last.rows.some((r) => r.cells.option === c.option)) last.rows.push(row);
    else groups.push({ rows: [row] });
  }
  const forecasts = groups.map(({ rows }) => {
    const head = rows[0].cells;
    if (isContinuousType(typeById.get(head.question_id))) return cdfForecastFromCsv(rows[0], problems);
    const values = rows.map((r) => {
      const text = r.cells.probability.trim();
      const p = text === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(p))
        problems.push({ path: where("forecasts.csv", r.line, "probability"), rule: "must be a number in [0, 1]" });
      return p;
    });
    const rationale = rows.map((r) => r.cells.rationale).find((t) => t !== "") ?? null;
    let body: Record<string, unknown>;
    if (typeById.get(head.question_id) === "binary") {
      const extra = rows.find((r) => r.cells.option !== "yes");
      if (extra)
        problems.push({
          path: where("forecasts.csv", extra.line, "option"),
          rule: "a binary forecast is one row with option yes (its probability is P(yes))",
        });
      body = { probability: values[0] };
    } else {
      body = { probabilities: Object.fromEntries(rows.map((r, k) => [r.cells.option, values[k]])) };
    }
    return { question: head.question_id, forecaster: head.forecaster, time: head.time, ...body, rationale };
  });
  return {
    document: { format: "forecast-desk/v1", questions, forecasts },
    source: { questions: qRows, forecasts: groups },
  };
}

/** A number cell as a number; anything else (empty included) as its text, for the v1 reader to name. */
function numberOrText(cell: string): number | string {
  const text = cell.trim();
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : cell;
}

/** A numeric or date question row as its v1 object (numbers read as numbers, dates kept as text). */
function continuousQuestionFromCsv(cells: Record<string, string>): Record<string, unknown> {
  const numeric = cells.type === "numeric";
  const value = (cell: string | undefined) => (cell === undefined || cell === "" ? undefined : numeric ? numberOrText(cell) : cell);
  const flag = (cell: string | undefined) => (cell === "true" ? true : cell === "false" ? false : cell);
  const resolution = orNull(cells.resolution);
  return {
    id: cells.id,
    title: cells.title,
    type: cells.type,
    ...(cells.unit ? { unit: cells.unit } : {}),
    ...(cells.description === "" ? {} : { description: cells.description }),
    tags: list(cells.tags),
    range_min: value(cells.range_min),
    range_max: value(cells.range_max),
    zero_point: cells.zero_point === undefined || cells.zero_point === "" ? null : numberOrText(cells.zero_point),
    open_lower_bound: flag(cells.open_lower_bound),
    open_upper_bound: flag(cells.open_upper_bound),
    open_time: cells.open_time,
    close_time: cells.close_time,
    resolve_by: orNull(cells.resolve_by),
    resolve_time: orNull(cells.resolve_time),
    resolution: resolution === null || resolution === "annulled" || !numeric ? resolution : numberOrText(resolution),
  };
}

/** A numeric or date forecast: one row, its CDF in the cdf column, option and probability empty. */
function cdfForecastFromCsv(row: CsvRow, problems: CsvProblem[]): Record<string, unknown> {
  const c = row.cells;
  if ((c.option ?? "") !== "" || (c.probability ?? "") !== "") {
    problems.push({
      path: where("forecasts.csv", row.line, c.option ? "option" : "probability"),
      rule: "a numeric or date forecast is one row with its cdf; option and probability stay empty",
    });
  }
  const cell = c[CDF_COLUMN];
  return {
    question: c.question_id,
    forecaster: c.forecaster,
    time: c.time,
    ...(cell === undefined || cell.trim() === "" ? {} : { cdf: cell.split(LIST_SEPARATOR).map(numberOrText) }),
    rationale: c.rationale === "" ? null : c.rationale,
  };
}

/** Reads the two CSV files as a dataset, by the rules of docs/exchange-format.md (probabilities not clipped). */
export function readDatasetCsv(files: CsvFiles): CsvReadResult {
  const problems: CsvProblem[] = [];
  const { document, source } = csvToV1(files, problems);
  if (problems.length > 0) return { ok: false, errors: problems };
  const read = readDatasetV1(document);
  if (read.ok) return { ok: true, dataset: read.dataset, locate: (path) => locate(path, source) };
  return { ok: false, errors: read.errors.map((e) => ({ path: locate(e.path, source), rule: e.rule })) };
}

function joinList(values: readonly string[], what: string): string {
  const bad = values.find((v) => v.includes(LIST_SEPARATOR));
  if (bad !== undefined) throw new RangeError(`${what} ${JSON.stringify(bad)} contains "|", which the CSV layout cannot hold`);
  return values.join(LIST_SEPARATOR);
}

/** The cell of a numeric or date question in one of the shared columns. */
function continuousCell(q: V1ContinuousQuestion, column: (typeof WRITTEN_QUESTION_COLUMNS)[number], flag: (value: boolean | undefined) => string): string {
  switch (column) {
    case "options":
      return "";
    case "tags":
      return joinList(q.tags, `a tag of question ${q.id}`);
    case "resolution":
      return q.resolution === null ? "" : String(q.resolution);
    case "draft":
    case "hide_crowd_until_forecast":
    case "illustrative":
      return flag(q[column]);
    default:
      return q[column] ?? "";
  }
}

/** Writes a dataset as the two CSV files (times as toISOString(), probabilities as shortest round-trip numbers). */
export function datasetToCsv(dataset: Dataset): CsvFiles {
  const doc = datasetToV1Json(dataset);
  const flag = (value: boolean | undefined) => (value === undefined ? "" : String(value));
  const isContinuousRow = (q: V1Question | V1ContinuousQuestion): q is V1ContinuousQuestion => isContinuousType(q.type);
  const isCdfRow = (f: V1Forecast | V1CdfForecast): f is V1CdfForecast => "cdf" in f;
  // The numeric and date columns are written only when there is such a question: other files stay as they were.
  const withContinuous = doc.questions.some(isContinuousRow);
  const questionRows = doc.questions.map((q) =>
    isContinuousRow(q)
      ? [
          ...WRITTEN_QUESTION_COLUMNS.map((column) => continuousCell(q, column, flag)),
          String(q.range_min),
          String(q.range_max),
          q.zero_point === undefined || q.zero_point === null ? "" : String(q.zero_point),
          String(q.open_lower_bound),
          String(q.open_upper_bound),
          neutraliseFormulaCell(q.unit ?? ""),
        ]
      : [
    q.id,
    q.title,
    q.type,
    q.options ? joinList(q.options, `an option of question ${q.id}`) : "",
    q.description ?? "",
    q.resolution_criteria ?? "",
    joinList(q.tags, `a tag of question ${q.id}`),
    q.open_time,
    q.close_time,
    q.resolve_by ?? "",
    q.resolve_time ?? "",
    q.resolution ?? "",
    q.resolution_evidence ?? "",
    flag(q.draft),
    flag(q.hide_crowd_until_forecast),
    flag(q.illustrative),
    ...(withContinuous ? ["", "", "", "", "", ""] : []),
  ]);
  const optionsById = new Map(doc.questions.map((q) => [q.id, isContinuousRow(q) ? [] : (q.options ?? [])]));
  const forecastRows: string[][] = [];
  for (const f of doc.forecasts) {
    if (isCdfRow(f)) {
      forecastRows.push([f.question, f.forecaster, f.time, "", "", f.rationale ?? "", f.cdf.join(LIST_SEPARATOR)]);
      continue;
    }
    // Option order, not key order: an object puts integer-like labels ("2030") first.
    const entries = f.probabilities
      ? optionsById.get(f.question)!.map((label) => [label, f.probabilities![label]] as const)
      : [["yes", f.probability!] as const];
    entries.forEach(([option, p], k) =>
      forecastRows.push([
        f.question,
        f.forecaster,
        f.time,
        option,
        String(p),
        k === 0 ? (f.rationale ?? "") : "",
        ...(withContinuous ? [""] : []),
      ]),
    );
  }
  const unparse = (fields: readonly string[], text: ReadonlySet<string>, data: string[][]) => {
    const safe = data.map((row) => row.map((cell, k) => (text.has(fields[k]) ? neutraliseFormulaCell(cell) : cell)));
    return Papa.unparse({ fields: [...fields], data: safe }, { newline: "\n" }) + "\n";
  };
  return {
    questions: unparse(
      withContinuous ? [...WRITTEN_QUESTION_COLUMNS, ...CONTINUOUS_QUESTION_COLUMNS, UNIT_COLUMN] : WRITTEN_QUESTION_COLUMNS,
      QUESTION_TEXT_COLUMNS,
      questionRows,
    ),
    forecasts: unparse(withContinuous ? [...FORECAST_COLUMNS, CDF_COLUMN] : FORECAST_COLUMNS, FORECAST_TEXT_COLUMNS, forecastRows),
  };
}
