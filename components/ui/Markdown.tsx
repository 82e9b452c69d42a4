import type { ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * What people write on the desk (descriptions, criteria, rationales, comments, evidence) as a safe
 * Markdown subset: paragraphs, emphasis, strong, strikethrough, inline code and code blocks, lists,
 * block quotes, tables and links (GitHub-flavoured, bare URLs become links). Raw HTML is never
 * rendered (react-markdown drops it without rehype-raw); images and headings are unwrapped to their
 * text (no tracking pixels, no headings out of the page's order); link addresses other than http(s)
 * and mailto lose their href (javascript:, data:, …); and the tree is sanitised once more by
 * rehype-sanitize (GitHub's schema). Links carry rel="noopener nofollow ugc": user-generated content.
 */
const ALLOWED = ["p", "br", "em", "strong", "del", "code", "pre", "ul", "ol", "li", "blockquote", "a", "hr", "table", "thead", "tbody", "tr", "th", "td"];

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

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `markdown ${className}` : "markdown"}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, { ...defaultSchema, protocols: { href: ["http", "https", "mailto"] } }]]}
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={urlTransform}
        components={{ a: Link }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
