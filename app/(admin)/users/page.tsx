import { requestTime } from "@/app/(desk)/request-time";
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listInvitations } from "@/db/queries/invitations";
import { listUsers } from "@/db/queries/users";
import { crowdIncludesBots, listBots } from "@/db/queries/bots";
import { LocalTime } from "@/components/forecast/LocalTime";
import { PageHeader } from "@/components/ui/PageHeader";
import { Table } from "@/components/ui/Table";
import { Invitations } from "./Invitations";
import { INVITATION_DAYS_MAX } from "@/lib/validation/user";
import { RoleButton } from "./RoleButton";
import { CrowdIncludesBotsForm, MarkBotForm, UnmarkBotButton } from "./BotControls";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const viewer = await requireAdmin();
  const db = getDb();
  const users = listUsers(db);
  const invitations = listInvitations(db, await requestTime());
  const bots = new Map(listBots(db).map((b) => [b.userId, b]));
  const owners = users.filter((u) => !bots.has(u.id) && u.canSignIn).map((u) => ({ id: u.id, name: u.name }));
  return (
    <>
      <PageHeader title="Users" lede={`${users.length} users. Imported forecasters have no password and cannot sign in. Bots forecast only through the API.`} />
      <CrowdIncludesBotsForm include={crowdIncludesBots(db)} />
      <Table
        testId="user-list"
        columns={[
          { label: "Name" },
          { label: "Handle" },
          { label: "Email" },
          { label: "Role" },
          { label: "Joined" },
          { label: "Change role" },
          { label: "Bot" },
        ]}
      >
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.name}</td>
            <td>
              <Link href={`/forecasters/${encodeURIComponent(u.handle)}`}>{u.handle}</Link>
            </td>
            <td className="small">{u.canSignIn ? u.email : <span className="muted">imported (no sign-in)</span>}</td>
            <td>{u.role === "admin" ? <span className="badge badge-admin">admin</span> : "analyst"}</td>
            <td className="small">
              <LocalTime ms={u.createdAt} style="date" />
            </td>
            <td>
              {u.id === viewer.id ? (
                <span className="muted small">you</span>
              ) : u.canSignIn ? (
                <RoleButton userId={u.id} userName={u.name} role={u.role} />
              ) : null}
            </td>
            <td className="small" data-testid="bot-cell">
              {bots.has(u.id) ? (
                <>
                  <span className="badge">bot</span> {bots.get(u.id)!.model}
                  {bots.get(u.id)!.owner ? <> · owner {bots.get(u.id)!.owner!.name}</> : null}
                  <UnmarkBotButton userId={u.id} userName={u.name} />
                </>
              ) : u.role === "analyst" ? (
                <MarkBotForm userId={u.id} userName={u.name} owners={owners.filter((o) => o.id !== u.id)} />
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
      <Invitations invitations={invitations} maxDays={INVITATION_DAYS_MAX} />
    </>
  );
}
