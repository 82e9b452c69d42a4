import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { LocalTime } from "@/components/forecast/LocalTime";
import { RoleButton } from "./RoleButton";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const viewer = await requireAdmin();
  const users = listUsers(getDb());
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted" style={{ margin: 0 }}>
            {users.length} users. Imported forecasters have no password and cannot sign in.
          </p>
        </div>
      </div>
      <div className="table-wrap card" style={{ padding: 0 }}>
        <table className="table" data-testid="user-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Handle</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">Change role</th>
            </tr>
          </thead>
          <tbody>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
