import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/app/_auth/session";
import { LocalTime } from "@/components/forecast/LocalTime";
import { NOTIFICATION_KIND_LABEL, notificationSentence } from "@/components/notifications/notification-text";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyCard } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { listNotifications } from "@/db/queries/notifications";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

/** The viewer's notifications, newest first, unread ones marked, each with "Mark as read". */
export default async function InboxPage() {
  const viewer = await requireViewer();
  const items = listNotifications(getDb(), viewer.id);
  const unread = items.filter((n) => n.readAt === null).length;
  return (
    <>
      <PageHeader
        title="Inbox"
        lede={
          <>
            Resolutions of questions you forecast, forecasts that need an update, new comments
            {viewer.role === "admin" ? ", questions due for resolution" : ""}. E-mail: <Link href="/settings">settings</Link>.
          </>
        }
        actions={
          unread > 0 ? (
            <form action={markAllReadAction}>
              <button type="submit" className="btn">
                Mark all as read
              </button>
            </form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyCard>
          Nothing yet. When a question you forecast is resolved, your forecast needs an update, or someone comments on
          it, it appears here. <Link href="/questions?tab=open">See the open questions</Link>.
        </EmptyCard>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="inbox">
          {items.map((n) => (
            <li key={n.id} className="card" data-unread={n.readAt === null ? "true" : "false"} data-kind={n.kind}>
              <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
                <div>
                  <p className="small muted" style={{ margin: 0 }}>
                    {n.readAt === null ? <strong className="badge badge-open">New</strong> : null} {NOTIFICATION_KIND_LABEL[n.kind]} ·{" "}
                    <LocalTime ms={n.createdAt} />
                  </p>
                  <p style={{ margin: "0.25rem 0" }}>
                    <Link href={`/questions/${encodeURIComponent(n.questionId)}`}>{n.questionTitle}</Link>
                  </p>
                  <p style={{ margin: 0 }}>{notificationSentence(n)}</p>
                </div>
                {n.readAt === null ? (
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="btn btn-small" aria-label={`Mark as read: ${n.questionTitle}`}>
                      Mark as read
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
