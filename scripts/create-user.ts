// `npm run user:create -- --email a@b.c --name "Ana" --role AGENT --password "…"`: add a staff member from the
// shell (first deploys, scripted setups, the e2e suite). Applies pending migrations first.
import { parseArgs } from "node:util";
import { z } from "zod";
import { runMigrations } from "@/lib/db-migrate";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { emailSchema, passwordSchema } from "@/lib/validations/auth";

const argsSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "is required"),
  role: z.enum(["ADMIN", "AGENT"]).default("AGENT"),
  password: passwordSchema,
});

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(
    `Usage: npm run user:create -- --email EMAIL --name NAME [--role ADMIN|AGENT] --password PASSWORD\n` +
      parsed.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`).join("\n"),
  );
  process.exit(2);
}

await runMigrations(env.DATABASE_URL);
const user = await createUser(parsed.data);
console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
