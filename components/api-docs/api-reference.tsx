"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * The /api/v1 reference, rendered by Scalar from our own OpenAPI document. Bundled from npm and
 * configured to fetch nothing from elsewhere: no web fonts, no telemetry, no proxy.
 */
export function ApiReference() {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/v1/openapi.json",
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
      }}
    />
  );
}
