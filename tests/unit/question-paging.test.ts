import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUESTIONS_PER_PAGE, questionPage } from "@/lib/question-paging";
import { questionListParams } from "@/lib/validation/question";

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("questionPage", () => {
  it("shows 50 rows a page: 968 questions are 20 pages, the last holding 18", () => {
    expect(QUESTIONS_PER_PAGE).toBe(50);
    const first = questionPage(ids(968), 1);
    expect(first).toMatchObject({ page: 1, pageCount: 20, total: 968 });
    expect(first.items).toEqual(ids(50));
    const second = questionPage(ids(968), 2);
    expect(second.items[0]).toBe(51);
    expect(second.items).toHaveLength(50);
    const last = questionPage(ids(968), 20);
    expect(last.items).toEqual(ids(968).slice(950)); // 968 − 19·50 = 18 rows
    expect(last.items).toHaveLength(18);
  });

  it("an empty list is page 1 of 1; exactly 50 rows is one page, 51 are two", () => {
    expect(questionPage([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
    expect(questionPage(ids(50), 2)).toMatchObject({ page: 1, pageCount: 1 });
    expect(questionPage(ids(51), 2)).toEqual({ items: [51], page: 2, pageCount: 2, total: 51 });
  });

  it("clamps a page past the last to the last, and a page below 1 or not whole to the first", () => {
    expect(questionPage(ids(120), 99)).toMatchObject({ page: 3, items: ids(120).slice(100) });
    for (const bad of [0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(questionPage(ids(120), bad).page).toBe(1);
  });

  it("pages partition the list in order, whatever its length and page size", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: 60 }), (n, perPage) => {
        const rows = ids(n);
        const { pageCount } = questionPage(rows, 1, perPage);
        const joined = Array.from({ length: pageCount }, (_, i) => questionPage(rows, i + 1, perPage).items).flat();
        expect(joined).toEqual(rows);
        expect(pageCount).toBe(Math.max(1, Math.ceil(n / perPage)));
      }),
    );
  });
});

describe("questionListParams page", () => {
  const pageOf = (page: unknown) => questionListParams.parse({ page }).page;
  it("reads a whole number ≥ 1 and takes page 1 for anything else, without throwing", () => {
    expect(pageOf("3")).toBe(3);
    expect(pageOf(undefined)).toBe(1);
    for (const bad of ["", "abc", "0", "-2", "2.5", "Infinity", "1e400"]) expect(pageOf(bad)).toBe(1);
  });
  it("keeps tab, tag and search beside the page", () => {
    expect(questionListParams.parse({ tab: "all", tag: "energy", q: "gas", page: "2" })).toEqual({
      tab: "all",
      tag: "energy",
      q: "gas",
      page: 2,
    });
  });
});
