// The rules of a question's discussion, in one place for the server actions that enforce them and the
// page that offers them: one level of replies, editing and deleting one's own comment for 15 minutes
// after posting (an admin may delete any comment at any time), and how a discussion is threaded and
// sorted for a viewer (a deleted comment with replies stays as "comment deleted"; without replies it
// disappears; while the anchoring guard hides the crowd from the viewer, only their own words show).

/** How long after posting its author may edit or delete a comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000;

/** Discussion order by when each thread started; replies always read oldest first under their comment. */
export const COMMENT_ORDERS = ["oldest", "newest"] as const;
export type CommentOrder = (typeof COMMENT_ORDERS)[number];
/** A discussion reads as a conversation: oldest first unless the viewer asks otherwise. */
export const DEFAULT_COMMENT_ORDER: CommentOrder = "oldest";

/** The order a `?comments=` parameter asks for; anything else is the default. */
export function commentOrderParam(value: unknown): CommentOrder {
  return value === "newest" || value === "oldest" ? value : DEFAULT_COMMENT_ORDER;
}

/** What the rules need to know of a comment. */
export interface CommentFacts {
  id: number;
  authorId: string;
  createdAt: number;
  parentId: number | null;
  deletedAt: number | null;
}

export interface CommentActor {
  id: string;
  role: "analyst" | "admin";
}

const WINDOW_MINUTES = COMMENT_EDIT_WINDOW_MS / 60_000;

/** True while `now` is within the edit window of a comment posted at `createdAt`. */
export function withinEditWindow(createdAt: number, now: number): boolean {
  return now - createdAt <= COMMENT_EDIT_WINDOW_MS;
}

export type CommentRefusal = { code: "not_found" | "forbidden" | "expired"; reason: string };

/** Why `actor` may not edit `c` at `now` (null: they may). Only its author, within the window. */
export function editRefusal(c: CommentFacts, actor: CommentActor, now: number): CommentRefusal | null {
  if (c.deletedAt !== null) return { code: "not_found", reason: "This comment was deleted." };
  if (c.authorId !== actor.id) return { code: "forbidden", reason: "You can only edit your own comments." };
  if (!withinEditWindow(c.createdAt, now))
    return { code: "expired", reason: `A comment can be edited only in the first ${WINDOW_MINUTES} minutes after posting.` };
  return null;
}

/** Why `actor` may not delete `c` at `now` (null: they may). Its author within the window; an admin always. */
export function deleteRefusal(c: CommentFacts, actor: CommentActor, now: number): CommentRefusal | null {
  if (c.deletedAt !== null) return { code: "not_found", reason: "This comment was already deleted." };
  if (actor.role === "admin") return null;
  if (c.authorId !== actor.id) return { code: "forbidden", reason: "You can only delete your own comments." };
  if (!withinEditWindow(c.createdAt, now))
    return {
      code: "expired",
      reason: `A comment can be deleted only in the first ${WINDOW_MINUTES} minutes after posting; ask an admin to remove it.`,
    };
  return null;
}

/** Why a reply to `parent` is refused (null: it may be posted). One level only; never under a deleted comment. */
export function replyRefusal(parent: CommentFacts | null): CommentRefusal | null {
  if (!parent) return { code: "not_found", reason: "The comment you are replying to does not exist." };
  if (parent.parentId !== null)
    return { code: "forbidden", reason: "You can reply to a comment, not to a reply: reply to the comment it answers." };
  if (parent.deletedAt !== null) return { code: "forbidden", reason: "That comment was deleted; it takes no new replies." };
  return null;
}

/**
 * One thread of a discussion: a comment and its replies (oldest first). `state` says what the viewer
 * sees of the comment itself: "shown"; "deleted" (kept because replies stand under it); or "hidden"
 * (the anchoring guard hides it, kept because the viewer's own replies stand under it). Only a shown
 * comment carries its facts (`comment`); the others carry nothing of what was said or by whom.
 */
export type CommentThread<T> =
  | { id: number; state: "shown"; comment: T; replies: T[] }
  | { id: number; state: "deleted" | "hidden"; comment: null; replies: T[] };

/**
 * Threads a question's comments for a viewer in `order`. `visible` is the anchoring guard (which
 * comments the viewer may read; all when omitted). Deleted replies disappear; a deleted or hidden
 * comment stays only as the head of the replies left under it. Threads sort by their comment's time
 * (ties by id, the insertion order).
 */
export function threadComments<T extends CommentFacts>(
  rows: readonly T[],
  order: CommentOrder,
  visible: (c: T) => boolean = () => true,
): CommentThread<T>[] {
  const repliesOf = new Map<number, T[]>();
  for (const c of rows) {
    if (c.parentId === null || c.deletedAt !== null || !visible(c)) continue;
    let list = repliesOf.get(c.parentId);
    if (!list) repliesOf.set(c.parentId, (list = []));
    list.push(c);
  }
  const byTime = (a: T, b: T) => a.createdAt - b.createdAt || a.id - b.id;
  const heads = rows.filter((c) => c.parentId === null).sort(byTime);
  if (order === "newest") heads.reverse();
  const out: CommentThread<T>[] = [];
  for (const c of heads) {
    const replies = (repliesOf.get(c.id) ?? []).sort(byTime);
    if (c.deletedAt === null && visible(c)) out.push({ id: c.id, state: "shown", comment: c, replies });
    else if (replies.length > 0) out.push({ id: c.id, state: c.deletedAt !== null ? "deleted" : "hidden", comment: null, replies });
  }
  return out;
}
