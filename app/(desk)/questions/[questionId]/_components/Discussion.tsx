"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent, type ReactNode } from "react";
import { LocalTime } from "@/components/forecast/LocalTime";
import { FieldError } from "@/components/ui/FieldError";
import type { QuestionComment } from "@/db/queries/comments";
import { commentFieldErrors, commentInput, COMMENT_MAX } from "@/lib/validation/comment";
import { postComment, type CommentFormState } from "../comment-actions";

/** The comment box: checked here at once and again by the server action. */
function CommentForm({ questionId }: { questionId: string }) {
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(postComment, null);
  const [body, setBody] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  // After a posted comment the box empties.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setBody("");
  }
  const error = clientError ?? (state && !state.ok ? state.fieldErrors.body : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = commentInput.safeParse({ questionId, body });
    if (parsed.success) setClientError(null);
    else {
      event.preventDefault();
      setClientError(commentFieldErrors(parsed.error).body ?? null);
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Post a comment" data-testid="comment-form">
      <input type="hidden" name="questionId" value={questionId} />
      {state && !state.ok && state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state?.ok && !clientError ? (
        <p className="notice notice-success" role="status">
          {state.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="comment-body">Comment</label>
        <textarea
          id="comment-body"
          name="body"
          rows={3}
          maxLength={COMMENT_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "comment-body-error" : undefined}
        />
        <FieldError id="comment-body-error" errors={error} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Posting…" : "Post comment"}
      </button>
    </form>
  );
}

/**
 * The question's discussion, newest first. Visitors read it and get a sign-in link; while the anchoring
 * guard hides the crowd from the viewer, the page passes only the viewer's own comments (`othersHidden`).
 */
export function Discussion({
  questionId,
  comments,
  signedIn,
  othersHidden,
}: {
  questionId: string;
  /** Each comment with its body already rendered as Markdown on the server (components/ui/Markdown). */
  comments: readonly (QuestionComment & { rendered: ReactNode })[];
  signedIn: boolean;
  othersHidden: boolean;
}) {
  return (
    <section aria-labelledby="discussion-heading" className="card" data-testid="discussion">
      <h2 id="discussion-heading">Discussion</h2>
      {signedIn ? (
        <CommentForm questionId={questionId} />
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
      {comments.length === 0 ? (
        <p className="muted">{othersHidden ? "You have not commented yet." : "No comments yet."}</p>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0, margin: "1rem 0 0" }} data-testid="comment-list">
          {comments.map((c) => (
            <li key={c.id} data-comment-id={c.id}>
              <p className="small" style={{ margin: 0 }}>
                <Link href={`/forecasters/${encodeURIComponent(c.authorHandle)}`}>{c.authorName}</Link>
                <span className="muted">
                  {" · "}
                  <LocalTime ms={c.createdAt} />
                </span>
              </p>
              <div className="comment-body">{c.rendered}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
