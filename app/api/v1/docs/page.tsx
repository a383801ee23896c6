import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

// GET /api/v1/docs — the readable reference of the REST API (public, like the document it renders).
export default function ApiDocsPage() {
  return <ApiReference />;
}
