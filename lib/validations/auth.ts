import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(200, "Use at most 200 characters");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
  /** The second factor, for users with two-factor sign-in: a TOTP code or a recovery code. */
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((value) => value || undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const setupAdminSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: emailSchema,
  password: passwordSchema,
});
export type SetupAdminInput = z.infer<typeof setupAdminSchema>;
