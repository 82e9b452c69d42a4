"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { markNotificationsRead } from "@/db/queries/notifications";

const notificationId = z.coerce.number({ error: "notification must be a number" }).int().positive();

/** Marks one of the viewer's notifications read (form field "id"); someone else's id changes nothing. */
export async function markReadAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  const id = notificationId.safeParse(form.get("id"));
  if (!viewer || !id.success) return;
  markNotificationsRead(getDb(), viewer.id, [id.data], Date.now());
  revalidatePath("/", "layout"); // the header's count
}

/** Marks all of the viewer's notifications read. */
export async function markAllReadAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  markNotificationsRead(getDb(), viewer.id, "all", Date.now());
  revalidatePath("/", "layout");
}
