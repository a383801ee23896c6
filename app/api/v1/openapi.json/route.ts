// GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas. Public.
import { withPublic } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api-v1/openapi";
import { appOrigin } from "@/lib/settings/app-origin";

export const GET = withPublic(async ({ req }) => Response.json(buildOpenApiDocument(appOrigin(req.headers))));
