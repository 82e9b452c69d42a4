import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The repository stands alone (docs/contributing.md rule 12): a fresh clone with nothing beside it
// has everything its tests, scripts and readers need. Nothing tracked may read or name a folder
// next to the repository, every relative link in the documentation must resolve, and every
// "docs/<file>.md §N" a comment cites must be a section of that file.

const ROOT = path.resolve(__dirname, "../..");

/** `git grep` over the tracked files (or, with --no-index, over a plain folder); matching lines as `path:line:text`. */
function gitGrep(args: string[], cwd = ROOT): string[] {
  const result = spawnSync("git", ["grep", "-n", "-I", ...args], { cwd, encoding: "utf8" });
  if (result.error) throw result.error;
  // 0: matches, 1: none; anything else (not a git work tree, bad pattern) is a failure of the test itself.
  if (result.status !== 0 && result.status !== 1) throw new Error(`git grep failed (${result.status}): ${result.stderr}`);
  return result.stdout.split("\n").filter((line) => line !== "");
}

function trackedFiles(pattern: string): string[] {
  const result = spawnSync("git", ["ls-files", "--", pattern], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ls-files failed: ${result.stderr}`);
  return result.stdout.split("\n").filter((line) => line !== "");
}

// The patterns are assembled from pieces, so this file never contains what it looks for.
const PARENT = "..";
const FOLDER = ["sha", "red"].join("");
const OUTSIDE_PATH = `${PARENT}/${FOLDER}`; // the folder as a path
const OUTSIDE_PATH_BACKSLASH = `${PARENT}\\${FOLDER}`;
const Q = `["'\`]`;
const OUTSIDE_JOIN = `${Q}\\.\\.${Q}\\s*,\\s*${Q}${FOLDER}${Q}`; // path.join(…, "..", "<folder>")
// The design notes that live in that folder, by the names code used to cite them.
const OUTSIDE_NOTES = [
  ["DES", "IGN\\.md"],
  ["DES", "IGN §"],
  ["DES", "IGN\\.md §"],
  ["form", "ats\\.md"],
  ["STY", "LE\\.md"],
  ["STY", "LE rule"],
  ["spec-contin", "uous\\.md"],
].map((pieces) => pieces.join(""));

describe("the repository stands alone", () => {
  it("names no folder beside the repository in any tracked file, comments included", () => {
    const hits = [
      ...gitGrep(["-F", "-e", OUTSIDE_PATH, "-e", OUTSIDE_PATH_BACKSLASH]),
      ...gitGrep(["-E", "-e", OUTSIDE_JOIN]),
    ];
    expect(hits).toEqual([]);
  });

  it("cites docs/ rather than the design notes kept outside it", () => {
    const hits = gitGrep(["-E", ...OUTSIDE_NOTES.flatMap((p) => ["-e", p])]);
    expect(hits).toEqual([]);
  });

  it("finds what it looks for (the checks above can fail)", () => {
    // The same git grep calls over a scratch folder holding each forbidden form find every one.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "stands-alone-"));
    try {
      const lines = [
        `const a = "${OUTSIDE_PATH}/examples/x.json";`,
        `// see ${OUTSIDE_PATH_BACKSLASH}\\notes`,
        `path.join(__dirname, "..", '${FOLDER}', "data")`,
        `// ${OUTSIDE_NOTES[1].replace("\\", "")}3 and ${OUTSIDE_NOTES[5]} 1`,
      ];
      fs.writeFileSync(path.join(scratch, "sample.ts"), lines.join("\n") + "\n");
      const grep = (args: string[]) => gitGrep(["--no-index", ...args], scratch).map((hit) => Number(hit.split(":")[1]));
      expect(grep(["-F", "-e", OUTSIDE_PATH, "-e", OUTSIDE_PATH_BACKSLASH])).toEqual([1, 2]);
      expect(grep(["-E", "-e", OUTSIDE_JOIN])).toEqual([3]);
      expect(grep(["-E", ...OUTSIDE_NOTES.flatMap((p) => ["-e", p])])).toEqual([4]);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Links and citations in the documentation.

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The markdown text without fenced code blocks (links inside them are not links). */
function withoutCodeBlocks(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "");
}

function headings(markdown: string): string[] {
  return [...withoutCodeBlocks(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]);
}

/** The anchors of a markdown file's headings, with GitHub's -1, -2 … for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const heading of headings(markdown)) {
    const base = headingAnchor(heading);
    const count = seen.get(base) ?? 0;
    anchors.add(count === 0 ? base : `${base}-${count}`);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** Relative link targets of a markdown file: [text](target), without external and mail links. */
function relativeLinks(markdown: string): string[] {
  const targets = [...withoutCodeBlocks(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

const DOCUMENTS = [...new Set(["README.md", ...trackedFiles("docs/*.md"), ...trackedFiles("tests/fixtures/*.md")])];

describe("documentation links", () => {
  it("covers README.md and the docs/ folder", () => {
    expect(DOCUMENTS).toContain("README.md");
    expect(DOCUMENTS).toContain("docs/formulas.md");
    expect(relativeLinks(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).length).toBeGreaterThan(0);
  });

  it("reads links and anchors as GitHub does", () => {
    expect(headingAnchor("7.5 Extremized geometric mean of odds")).toBe("75-extremized-geometric-mean-of-odds");
    expect(headingAnchor("6.1 A forecaster's summary")).toBe("61-a-forecasters-summary");
    expect(headingAnchor("The exchange format `forecast-desk/v1`")).toBe("the-exchange-format-forecast-deskv1");
    expect(relativeLinks("[a](b.md#c) [d](https://e.org) <https://f.org> [g](#h)\n```\n[x](missing.md)\n```")).toEqual(["b.md#c", "#h"]);
  });

  it.each(DOCUMENTS)("every relative link in %s points to a file (and heading) that exists", (document) => {
    const text = fs.readFileSync(path.join(ROOT, document), "utf8");
    const broken: string[] = [];
    for (const link of relativeLinks(text)) {
      const [target, anchor] = link.split("#", 2);
      const file = target === "" ? path.join(ROOT, document) : path.resolve(path.dirname(path.join(ROOT, document)), decodeURIComponent(target));
      if (!file.startsWith(ROOT + path.sep)) {
        broken.push(`${link} (outside the repository)`);
        continue;
      }
      if (!fs.existsSync(file)) {
        broken.push(`${link} (no such file)`);
        continue;
      }
      if (anchor !== undefined && file.endsWith(".md") && !anchorsOf(fs.readFileSync(file, "utf8")).has(anchor)) {
        broken.push(`${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every lib/, db/, cli/ or tests/ path the docs name in backticks exists", () => {
    const missing: string[] = [];
    for (const document of DOCUMENTS.filter((d) => d.startsWith("docs/"))) {
      const text = fs.readFileSync(path.join(ROOT, document), "utf8");
      for (const [, name] of text.matchAll(/`((?:lib|db|cli|app|components|tests)\/[\w./()[\]-]+\.(?:ts|tsx|mjs|md|json))`/g)) {
        if (!fs.existsSync(path.join(ROOT, name))) missing.push(`${document}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every "docs/<file>.md §N" cited in a tracked file is a numbered section of that file', () => {
    const sectionsOf = new Map<string, Set<string>>();
    const sections = (doc: string): Set<string> => {
      let found = sectionsOf.get(doc);
      if (!found) {
        const file = path.join(ROOT, "docs", doc);
        const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
        found = new Set(headings(text).flatMap((h) => /^(\d+(?:\.\d+)*)\.?\s/.exec(h)?.[1] ?? []));
        sectionsOf.set(doc, found);
      }
      return found;
    };
    const wrong: string[] = [];
    for (const line of gitGrep(["-o", "-E", "-e", "docs/[a-z-]+\\.md §[0-9]+(\\.[0-9]+)?(–§[0-9]+(\\.[0-9]+)?)?"])) {
      const match = /docs\/([a-z-]+\.md) §([\d.]+)(?:–§([\d.]+))?$/.exec(line);
      if (!match) continue;
      for (const section of [match[2], match[3]].filter((s): s is string => s !== undefined)) {
        if (!sections(match[1]).has(section)) wrong.push(line);
      }
    }
    expect(wrong).toEqual([]);
    expect(sections("formulas.md").has("4.1")).toBe(true);
  });

  it('every "docs/contributing.md rule N" cited in a tracked file is a rule there', () => {
    const text = fs.readFileSync(path.join(ROOT, "docs/contributing.md"), "utf8");
    const rules = new Set([...text.matchAll(/^(\d+)\. \*\*/gm)].map((m) => m[1]));
    const wrong = gitGrep(["-o", "-E", "-e", "docs/contributing\\.md rule [0-9]+"]).filter(
      (line) => !rules.has(/rule (\d+)$/.exec(line)?.[1] ?? ""),
    );
    expect(wrong).toEqual([]);
    expect(rules.has("1")).toBe(true);
  });
});
