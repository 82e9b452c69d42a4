import { describe, expect, it } from "vitest";
import { chartRowsToCsv, csvDataUrl } from "@/components/charts/chart-csv";

describe("chartRowsToCsv", () => {
  const columns = [
    { key: "time", label: "Time (UTC)" },
    { key: "crowd", label: "Crowd P(yes) (%)" },
    { key: "note", label: "Note" },
  ];
  it("writes the labels, then one CRLF line per row; null and missing cells are empty", () => {
    expect(
      chartRowsToCsv(columns, [
        { time: "2026-01-01T00:00:00.000Z", crowd: 62.5, note: null },
        { time: "2026-01-02T00:00:00.000Z", crowd: 0 },
      ]),
    ).toBe("Time (UTC),Crowd P(yes) (%),Note\r\n2026-01-01T00:00:00.000Z,62.5,\r\n2026-01-02T00:00:00.000Z,0,\r\n");
  });
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(chartRowsToCsv([{ key: "a", label: "A, b" }], [{ a: 'say "hi"\nthen' }])).toBe(
      '"A, b"\r\n"say ""hi""\nthen"\r\n',
    );
  });
  it("makes a data: URL that decodes back to the CSV", () => {
    const csv = "a,b\r\n1,2\r\n";
    const url = csvDataUrl(csv);
    expect(url.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(url.slice("data:text/csv;charset=utf-8,".length))).toBe(csv);
  });
});
