import type { ComponentProps, ReactElement } from "react";
import ReactMarkdown, { defaultUrlTransform, type Options } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * What people write on the desk (descriptions, criteria, rationales, comments, evidence) as a safe
 * Markdown subset: paragraphs, emphasis, strong, strikethrough, inline code and code blocks, lists,
 * block quotes, tables and links (GitHub-flavoured, bare URLs become links). Raw HTML is never
 * rendered (react-markdown drops it without rehype-raw); an image becomes its alt text, and headings are
 * unwrapped to their text (no tracking pixels, no headings out of the page's order); link addresses other than http(s)
 * and mailto lose their href (javascript:, data:, …); and the tree is sanitised once more by
 * rehype-sanitize (GitHub's schema). Links carry rel="noopener nofollow ugc": user-generated content.
 */
const ALLOWED = ["p", "br", "em", "strong", "del", "code", "pre", "ul", "ol", "li", "blockquote", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "img"];

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

function urlTransform(url: string): string {
  const safe = defaultUrlTransform(url);
  // relative addresses (no scheme) stay; of the schemes, only http(s) and mailto
  return /^[a-z][a-z0-9+.-]*:/i.test(safe) && !SAFE_PROTOCOL.test(safe) ? "" : safe;
}

function Link({ href, children }: ComponentProps<"a">) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} rel="noopener nofollow ugc">
      {children}
    </a>
  );
}

/** An image is never loaded (a tracking pixel): what its author said it shows stands in its place. */
function ImageAsText({ alt }: ComponentProps<"img">) {
  return alt ? <span className="markdown-image-alt">[{alt}]</span> : null;
}

const OPTIONS = {
  remarkPlugins: [remarkGfm],
  rehypePlugins: [[rehypeSanitize, { ...defaultSchema, protocols: { href: ["http", "https", "mailto"] } }]],
  allowedElements: ALLOWED,
  unwrapDisallowed: true,
  urlTransform,
  components: { a: Link, img: ImageAsText },
} satisfies Omit<Options, "children">;

/**
 * Rendered trees by source text, least recently used first, up to RENDERED_CHARS characters of
 * source: every reader of a busy question gets the same rationales, and parsing them (remark, GFM,
 * sanitising) was ~2 ms of each request to a 1M desk's busiest question. A tree depends on its text
 * only (react-markdown's synchronous renderer, no hooks), and React elements are immutable, so one
 * tree serves every request.
 */
const rendered = new Map<string, ReactElement>();
const RENDERED_CHARS = 2_000_000;
let renderedChars = 0;

function renderMarkdown(text: string): ReactElement {
  const hit = rendered.get(text);
  if (hit) {
    rendered.delete(text);
    rendered.set(text, hit);
    return hit;
  }
  const tree = ReactMarkdown({ ...OPTIONS, children: text }) as ReactElement;
  rendered.set(text, tree);
  renderedChars += text.length;
  for (const [oldest] of rendered) {
    if (renderedChars <= RENDERED_CHARS) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length;
  }
  return tree;
}

export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : "markdown"}>{renderMarkdown(text)}</div>;
}
