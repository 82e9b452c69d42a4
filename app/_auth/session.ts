import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getUserById, type UserProfile } from "@/db/queries/users";
import { getAuth } from "./auth";

/** The signed-in user as pages and actions see it. */
export type Viewer = UserProfile;

/** The signed-in user (fresh from the database, so role changes apply at once), or null. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return getUserById(getDb(), session.user.id);
}

/** Pages: the signed-in user, or a redirect to /signin. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}

/** Pages: the signed-in admin; visitors go to /signin, analysts to the "admins only" page. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") redirect("/admin-only");
  return viewer;
}
