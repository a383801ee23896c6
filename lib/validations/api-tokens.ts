import { z } from "zod";

export const apiTokenScopeSchema = z.enum(["read", "read_write"]);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

/** POST /api/settings/api-tokens, and the form on /settings/api. */
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(80, "Keep the name under 80 characters"),
  scope: apiTokenScopeSchema,
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
