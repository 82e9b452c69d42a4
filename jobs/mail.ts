import { createHmac, timingSafeEqual } from "node:crypto";
import nodemailer from "nodemailer";
import { notificationSentence, NOTIFICATION_KIND_LABEL } from "@/components/notifications/notification-text";
import type { MailBatch } from "@/db/queries/notifications";

// E-mail through nodemailer to SMTP_URL (e.g. smtp://user:pass@mail.example.org:587). Without
// SMTP_URL nothing is mailed; the inbox works either way.

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The desk's public address, for links in mail ("https://desk.example.org"). */
  baseURL: string;
  /** Signs unsubscribe links (the auth secret). */
  secret: string;
}

/** The unsubscribe token of a user: HMAC-SHA256(secret, "unsubscribe:" + userId), base64url. */
export function unsubscribeToken(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}`).digest("base64url");
}

/** Whether `token` is the user's unsubscribe token (constant-time compare). */
export function isUnsubscribeToken(secret: string, userId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeLink(settings: Pick<MailSettings, "baseURL" | "secret">, userId: string): string {
  const url = new URL("/unsubscribe", settings.baseURL);
  url.searchParams.set("user", userId);
  url.searchParams.set("token", unsubscribeToken(settings.secret, userId));
  return url.toString();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The message of one batch: subject, plain text and HTML, with the unsubscribe link in both and in List-Unsubscribe. */
export function composeMail(settings: Omit<MailSettings, "smtpUrl">, batch: MailBatch) {
  const items = batch.notifications.map((n) => ({
    label: NOTIFICATION_KIND_LABEL[n.kind],
    title: n.questionTitle,
    sentence: notificationSentence(n),
    link: new URL(`/questions/${encodeURIComponent(n.questionId)}`, settings.baseURL).toString(),
  }));
  const unsubscribe = unsubscribeLink(settings, batch.recipient.userId);
  const subject =
    batch.mode === "digest"
      ? `Forecast Desk: ${items.length} ${items.length === 1 ? "notification" : "notifications"} today`
      : `Forecast Desk: ${items[0].label}: ${items[0].title}`;
  const inbox = new URL("/inbox", settings.baseURL).toString();
  const settingsPage = new URL("/settings", settings.baseURL).toString();
  const text = [
    `Hello ${batch.recipient.name},`,
    "",
    ...items.flatMap((i) => [`${i.label}: ${i.title}`, `  ${i.sentence}`, `  ${i.link}`, ""]),
    `Your inbox: ${inbox}`,
    `Change what you receive: ${settingsPage}`,
    `Unsubscribe from all e-mail (no sign-in needed): ${unsubscribe}`,
  ].join("\n");
  const html = [
    `<p>Hello ${escapeHtml(batch.recipient.name)},</p>`,
    "<ul>",
    ...items.map(
      (i) =>
        `<li><strong>${escapeHtml(i.label)}</strong>: <a href="${escapeHtml(i.link)}">${escapeHtml(i.title)}</a><br>${escapeHtml(i.sentence)}</li>`,
    ),
    "</ul>",
    `<p><a href="${escapeHtml(inbox)}">Your inbox</a> · <a href="${escapeHtml(settingsPage)}">Change what you receive</a> · <a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`,
  ].join("\n");
  return {
    from: settings.from,
    to: { name: batch.recipient.name, address: batch.recipient.email },
    subject,
    text,
    html,
    list: { unsubscribe: { url: unsubscribe, comment: "Unsubscribe" } },
  };
}

export interface Mailer {
  send(batch: MailBatch): Promise<void>;
  close(): void;
}

/** A nodemailer transport to SMTP_URL. */
export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(batch) {
      await transport.sendMail(composeMail(settings, batch));
    },
    close: () => transport.close(),
  };
}
