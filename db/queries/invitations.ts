import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema/invitations";

// Invitation links for a private desk: single use, expiring, revocable. The token (32 random bytes,
// base64url) travels in the link; only its SHA-256 is stored.

export type InvitationStatus = "pending" | "used" | "expired" | "revoked";

export interface InvitationListing {
  id: string;
  note: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedByEmail: string | null;
  status: InvitationStatus;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new invitation valid for `validForMs`; returns its token (shown once) and id. */
export function createInvitation(
  db: Db,
  input: { createdBy: string | null; note: string; validForMs: number; now: number },
): { id: string; token: string; expiresAt: number } {
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  const expiresAt = input.now + input.validForMs;
  db.insert(invitations)
    .values({
      id,
      tokenHash: hashToken(token),
      note: input.note,
      createdBy: input.createdBy,
      createdAt: new Date(input.now),
      expiresAt: new Date(expiresAt),
    })
    .run();
  return { id, token, expiresAt };
}

function usable(token: string, now: number) {
  return and(
    eq(invitations.tokenHash, hashToken(token)),
    isNull(invitations.usedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date(now)),
  );
}

/** True while the token is unused, unrevoked and unexpired. */
export function isInvitationUsable(db: Db, token: string, now: number): boolean {
  return db.select({ id: invitations.id }).from(invitations).where(usable(token, now)).get() !== undefined;
}

/**
 * Uses the invitation up for `email`, in one UPDATE so two sign-ups racing with the same link cannot
 * both succeed. False when it was not usable (unknown, used, revoked or expired).
 */
export function consumeInvitation(db: Db, token: string, email: string, now: number): boolean {
  const result = db
    .update(invitations)
    .set({ usedAt: new Date(now), usedByEmail: email })
    .where(usable(token, now))
    .run();
  return result.changes === 1;
}

/** Revokes a pending invitation; false when there was none to revoke. */
export function revokeInvitation(db: Db, id: string, now: number): boolean {
  const result = db
    .update(invitations)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(invitations.id, id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .run();
  return result.changes === 1;
}

/** Every invitation, newest first, with its status at `now`. */
export function listInvitations(db: Db, now: number): InvitationListing[] {
  return db
    .select()
    .from(invitations)
    .orderBy(desc(invitations.createdAt))
    .all()
    .map((r) => ({
      id: r.id,
      note: r.note,
      createdAt: r.createdAt.getTime(),
      expiresAt: r.expiresAt.getTime(),
      usedAt: r.usedAt?.getTime() ?? null,
      usedByEmail: r.usedByEmail,
      status: r.usedAt ? "used" : r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "pending",
    }));
}
