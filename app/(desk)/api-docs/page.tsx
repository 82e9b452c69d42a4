import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/api/ApiReference";
import { PageHeader } from "@/components/ui/PageHeader";
import { apiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API" };

/** The API reference: the OpenAPI document /api/v1/openapi.json serves, rendered. */
export default function ApiDocsPage() {
  const document = apiDocument() as unknown as Record<string, unknown>;
  const info = document.info as { description: string };
  return (
    <div className="stack">
      <PageHeader
        title="API"
        lede={
          <>
            {info.description} Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Tokens:{" "}
            <Link href="/settings">Settings</Link>.
          </>
        }
      />
      <ApiReference document={document} />
    </div>
  );
}
