"use server";

import { ApiError } from "@/lib/api/errors";
import { zodDetails } from "@/lib/api/parse";
import { createFirstAdmin } from "@/lib/users/create-user";
import { setupAdminSchema } from "@/lib/validations/auth";

export type SetupState = {
  ok: boolean;
  email?: string;
  /** Echoed back so the form keeps what was typed (React resets a form after its action runs). */
  values?: { name: string; email: string };
  fieldErrors?: Record<string, string>;
  formError?: string;
};

export async function setupAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = setupAdminSchema.safeParse({ ...values, password: form.get("password") });
  if (!parsed.success) {
    return {
      ok: false,
      values,
      fieldErrors: Object.fromEntries(zodDetails(parsed.error).map((detail) => [detail.field, detail.issue])),
    };
  }
  try {
    const admin = await createFirstAdmin(parsed.data);
    return { ok: true, email: admin.email };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, values, formError: error.message };
    throw error;
  }
}
