"use server";

import { ApiError } from "@/lib/api/errors";
import { zodDetails } from "@/lib/api/parse";
import { createFirstAdmin } from "@/lib/users/create-user";
import { setupAdminSchema } from "@/lib/validations/auth";

export type SetupState = { ok: boolean; email?: string; fieldErrors?: Record<string, string>; formError?: string };

export async function setupAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const parsed = setupAdminSchema.safeParse({
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
  });
  if (!parsed.success) {
    return { ok: false, fieldErrors: Object.fromEntries(zodDetails(parsed.error).map((d) => [d.field, d.issue])) };
  }
  try {
    const admin = await createFirstAdmin(parsed.data);
    return { ok: true, email: admin.email };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, formError: error.message };
    throw error;
  }
}
