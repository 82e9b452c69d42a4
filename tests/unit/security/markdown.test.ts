// components/ui/Markdown renders what people write as a safe Markdown subset, and keeps rendered trees
// by text between requests: a kept tree must be the same safe output as a fresh one, for every text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/Markdown";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("Markdown", () => {
  it("renders the subset and drops what could run or track, the first time and from the kept tree alike", () => {
    const text = [
      "**Base rate** ~~high~~ and `code`, see https://example.org and [mail](mailto:a@example.org).",
      "",
      "[run](javascript:alert(1)) <script>alert(2)</script> <b>raw</b> ![pixel](https://t.example/p.gif)",
      "",
      "# Heading",
      "",
      "| a | b |",
      "|---|---|",
      "| 1 | 2 |",
    ].join("\n");
    const first = html(text);
    expect(first).toContain("<strong>Base rate</strong>");
    expect(first).toContain("<del>high</del>");
    expect(first).toContain('<a href="https://example.org" rel="noopener nofollow ugc">https://example.org</a>');
    expect(first).toContain('<a href="mailto:a@example.org" rel="noopener nofollow ugc">mail</a>');
    expect(first).toContain("<span>run</span>");
    expect(first).toContain("<td>1</td>");
    expect(first).not.toMatch(/<script|<b>|<img|<h1|javascript:/);
    expect(first).toContain("Heading");
    // An image is not loaded; its alt text stands in its place.
    expect(first).toContain('<span class="markdown-image-alt">[pixel]</span>');
    // The same text again (the kept tree), and a text that differs by one character (its own tree).
    expect(html(text)).toBe(first);
    const other = html(text.replace("Base rate", "Base rates"));
    expect(other).toContain("<strong>Base rates</strong>");
    expect(html(text)).toBe(first);
  });

  it("keeps serving correct trees when more text than it keeps has gone through it", () => {
    // 300 texts of 10,000 characters: 3M characters, past what it keeps (2M), so the oldest are dropped.
    const texts = Array.from({ length: 300 }, (_, i) => `Rationale **${i}** ${"x".repeat(10_000)}`);
    for (const text of texts) expect(html(text)).toContain(`<strong>${texts.indexOf(text)}</strong>`);
    for (const i of [0, 150, 299]) expect(html(texts[i])).toContain(`<strong>${i}</strong>`);
  });
});
