import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Admins only" };

export default function AdminOnlyPage() {
  return (
    <div className="card">
      <h1>Admins only</h1>
      <p>This page is for admins. Ask an admin of this desk to promote your account if you need it.</p>
      <Link href="/questions">Back to the questions</Link>
    </div>
  );
}
