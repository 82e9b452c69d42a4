// docs/report-format.md §7: when two forecast-desk-report/v1 documents agree. Returns every difference found.

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

export function reportDifferences(actual: unknown, expected: unknown, path = "$"): string[] {
  const key = path.slice(path.lastIndexOf(".") + 1);
  if (expected === null) return actual === null ? [] : [`${path}: expected null, got ${JSON.stringify(actual)}`];
  if (typeof expected === "number") {
    if (typeof actual !== "number") return [`${path}: expected number ${expected}, got ${JSON.stringify(actual)}`];
    const tolerance = key === "jeffreys_lo" || key === "jeffreys_hi" ? 1e-7 : 1e-9;
    return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (typeof expected === "string") {
    if (typeof actual !== "string") return [`${path}: expected string, got ${JSON.stringify(actual)}`];
    if (TIME.test(expected)) {
      return TIME.test(actual) && Date.parse(actual) === Date.parse(expected) ? [] : [`${path}: expected instant ${expected}, got ${actual}`];
    }
    return actual === expected ? [] : [`${path}: expected "${expected}", got "${actual}"`];
  }
  if (typeof expected === "boolean") return actual === expected ? [] : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => reportDifferences(actual[i], e, `${path}[${i}]`));
  }
  const exp = expected as Record<string, unknown>;
  if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return [`${path}: expected an object`];
  const act = actual as Record<string, unknown>;
  const differences: string[] = [];
  const expectedKeys = new Set(Object.keys(exp));
  for (const k of Object.keys(act)) if (!expectedKeys.has(k)) differences.push(`${path}: unexpected key ${JSON.stringify(k)}`);
  for (const k of expectedKeys) {
    if (!Object.prototype.hasOwnProperty.call(act, k)) differences.push(`${path}: missing key ${JSON.stringify(k)}`);
    else differences.push(...reportDifferences(act[k], exp[k], `${path}.${k}`));
  }
  return differences;
}
