"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { LocalTime } from "@/components/forecast/LocalTime";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FieldError } from "@/components/ui/FieldError";
import type { QuestionComment } from "@/db/queries/comments";
import type { CommentOrder, CommentThread } from "@/lib/comments";
import { commentEditInput, commentFieldErrors, commentInput, COMMENT_MAX } from "@/lib/validation/comment";
import { postComment, removeComment, saveCommentEdit, type CommentFormState } from "../comment-actions";

/**
 * A comment as the page hands it in: its body already rendered as Markdown on the server
 * (components/ui/Markdown), what the viewer may do with it (lib/comments; the server checks again),
 * and its raw body only when the viewer may edit it.
 */
export interface DiscussionComment extends QuestionComment {
  rendered: ReactNode;
  mayEdit: boolean;
  mayDelete: boolean;
}

type Action = (prev: CommentFormState, form: FormData) => Promise<CommentFormState>;

/**
 * One comment box (a new comment, a reply, an edit): checked here at once with the action's own zod
 * rules, then by the server action. `onDone` runs after the server took it (the box then empties).
 */
function CommentBox({
  action,
  fields,
  idPrefix,
  label,
  submitLabel,
  pendingLabel,
  initialBody = "",
  check,
  onDone,
  onCancel,
  formLabel,
  testId,
}: {
  action: Action;
  fields: Record<string, string>;
  idPrefix: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  initialBody?: string;
  check: (body: string) => string | null;
  onDone?: (message: string) => void;
  onCancel?: () => void;
  formLabel: string;
  testId: string;
}) {
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(async (prev, form) => {
    const next = await action(prev, form);
    if (next?.ok) onDone?.(next.message);
    return next;
  }, null);
  const [body, setBody] = useState(initialBody);
  const [clientError, setClientError] = useState<string | null>(null);
  // After the server took it the box empties.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setBody("");
  }
  const error = clientError ?? (state && !state.ok ? state.fieldErrors.body : undefined);
  const bodyId = `${idPrefix}-body`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const message = check(body);
    setClientError(message);
    if (message) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={formLabel} data-testid={testId} className="comment-box">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state && !state.ok && state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state?.ok && !onDone && !clientError ? (
        <p className="notice notice-success" role="status">
          {state.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={bodyId}>{label}</label>
        <textarea
          id={bodyId}
          name="body"
          rows={3}
          maxLength={COMMENT_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${bodyId}-error` : undefined}
        />
        <FieldError id={`${bodyId}-error`} errors={error} />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Delete, after asking in the page; a refusal (the window passed) shows beside it. */
function DeleteComment({ commentId, onDone }: { commentId: number; onDone: (message: string) => void }) {
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(async (prev, form) => {
    const next = await removeComment(prev, form);
    if (next?.ok) onDone(next.message);
    return next;
  }, null);
  return (
    <form action={formAction} className="row" style={{ gap: "0.5rem" }}>
      <input type="hidden" name="commentId" value={String(commentId)} />
      <ConfirmButton label="Delete" confirmLabel="Delete comment" question="Delete this comment?" className="btn btn-small" disabled={pending} />
      {state && !state.ok && state.message ? (
        <span className="form-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

const checkNew = (questionId: string, parentId?: number) => (body: string) => {
  const parsed = commentInput.safeParse({ questionId, body, parentId: parentId === undefined ? undefined : String(parentId) });
  return parsed.success ? null : (commentFieldErrors(parsed.error).body ?? null);
};
const checkEdit = (commentId: number) => (body: string) => {
  const parsed = commentEditInput.safeParse({ commentId: String(commentId), body });
  return parsed.success ? null : (commentFieldErrors(parsed.error).body ?? null);
};

/** One comment or reply: who and when, its body (or the edit box), and what the viewer may do with it. */
function CommentItem({
  comment: c,
  questionId,
  canReply,
  children,
}: {
  comment: DiscussionComment;
  questionId: string;
  canReply: boolean;
  children?: ReactNode;
}) {
  const [mode, setMode] = useState<"read" | "edit" | "reply">("read");
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setMode("read");
    setNotice(message);
  };
  return (
    <article id={`comment-${c.id}`} className="comment" data-comment-id={c.id} aria-label={`${c.parentId === null ? "Comment" : "Reply"} by ${c.authorName}`}>
      <p className="small comment-meta">
        <Link href={`/forecasters/${encodeURIComponent(c.authorHandle)}`}>{c.authorName}</Link>
        <span className="muted">
          {" · "}
          <LocalTime ms={c.createdAt} />
          {c.editedAt !== null ? <span data-testid="comment-edited"> · edited</span> : null}
        </span>
      </p>
      {mode === "edit" ? (
        <CommentBox
          action={saveCommentEdit}
          fields={{ commentId: String(c.id) }}
          idPrefix={`comment-${c.id}-edit`}
          label="Edit your comment"
          submitLabel="Save"
          pendingLabel="Saving…"
          initialBody={c.body}
          check={checkEdit(c.id)}
          onDone={done}
          onCancel={() => setMode("read")}
          formLabel="Edit comment"
          testId="comment-edit-form"
        />
      ) : (
        <div className="comment-body">{c.rendered}</div>
      )}
      {mode === "read" && (canReply || c.mayEdit || c.mayDelete) ? (
        <div className="row comment-actions">
          {canReply ? (
            <button type="button" className="btn btn-small" aria-label={`Reply to ${c.authorName}`} onClick={() => setMode("reply")}>
              Reply
            </button>
          ) : null}
          {c.mayEdit ? (
            <button type="button" className="btn btn-small" onClick={() => setMode("edit")}>
              Edit
            </button>
          ) : null}
          {c.mayDelete ? <DeleteComment commentId={c.id} onDone={setNotice} /> : null}
        </div>
      ) : null}
      {notice ? (
        <p className="small comment-notice" role="status">
          {notice}
        </p>
      ) : null}
      {children}
      {mode === "reply" ? (
        <CommentBox
          action={postComment}
          fields={{ questionId, parentId: String(c.id) }}
          idPrefix={`comment-${c.id}-reply`}
          label={`Reply to ${c.authorName}`}
          submitLabel="Post reply"
          pendingLabel="Posting…"
          check={checkNew(questionId, c.id)}
          onDone={done}
          onCancel={() => setMode("read")}
          formLabel={`Reply to ${c.authorName}`}
          testId="comment-reply-form"
        />
      ) : null}
    </article>
  );
}

function Replies({ replies, questionId }: { replies: readonly DiscussionComment[]; questionId: string }) {
  if (replies.length === 0) return null;
  return (
    <ol className="comment-replies" data-testid="comment-replies">
      {replies.map((r) => (
        <li key={r.id}>
          <CommentItem comment={r} questionId={questionId} canReply={false} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The question's discussion: comments with one level of replies, oldest or newest first (the order
 * lives in the URL, `orderHrefs`). Visitors read it and get a sign-in link; while the anchoring guard
 * hides the crowd from the viewer, the page passes only the viewer's own words (`othersHidden`).
 */
export function Discussion({
  questionId,
  threads,
  signedIn,
  othersHidden,
  order,
  orderHrefs,
}: {
  questionId: string;
  threads: readonly CommentThread<DiscussionComment>[];
  signedIn: boolean;
  othersHidden: boolean;
  order: CommentOrder;
  orderHrefs: Record<CommentOrder, string>;
}) {
  return (
    <section aria-labelledby="discussion-heading" className="card" id="discussion" data-testid="discussion">
      <h2 id="discussion-heading">Discussion</h2>
      {signedIn ? (
        <CommentBox
          action={postComment}
          fields={{ questionId }}
          idPrefix="comment"
          label="Comment"
          submitLabel="Post comment"
          pendingLabel="Posting…"
          check={checkNew(questionId)}
          formLabel="Post a comment"
          testId="comment-form"
        />
      ) : (
        <p className="notice" data-testid="sign-in-to-comment">
          <Link href={`/signin?next=${encodeURIComponent(`/questions/${questionId}`)}`}>Sign in to comment</Link> on this
          question.
        </p>
      )}
      {othersHidden ? (
        <p className="muted small" data-testid="comments-hidden-note">
          Others&apos; comments are hidden until you make your own forecast.
        </p>
      ) : null}
      {threads.length === 0 ? (
        <p className="muted">{othersHidden ? "You have not commented yet." : "No comments yet."}</p>
      ) : (
        <>
          <nav aria-label="Comment order" className="row small comment-order" data-testid="comment-order">
            <span className="muted">Sort:</span>
            {(["oldest", "newest"] as const).map((o) => (
              <Link key={o} href={orderHrefs[o]} aria-current={o === order ? "true" : undefined} scroll={false}>
                {o === "oldest" ? "Oldest first" : "Newest first"}
              </Link>
            ))}
          </nav>
          <ol className="comment-list" data-testid="comment-list">
            {threads.map((t) => (
              <li key={t.id} data-thread-id={t.id}>
                {t.state === "shown" ? (
                  <CommentItem comment={t.comment} questionId={questionId} canReply={signedIn}>
                    <Replies replies={t.replies} questionId={questionId} />
                  </CommentItem>
                ) : (
                  <div className="comment" data-comment-id={t.id} data-testid={`comment-${t.state}`}>
                    <p className="muted small comment-meta">
                      {t.state === "deleted" ? "Comment deleted." : "A comment hidden until you make your own forecast."}
                    </p>
                    <Replies replies={t.replies} questionId={questionId} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
