// npm run s3:fake -- --port 4020: an S3-compatible bucket in memory until Ctrl-C, to try
// MEDIA_STORAGE=s3 without a cloud account.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startFakeS3 } from "./start-fake-s3";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string" } } });
const args = z
  .object({ port: z.coerce.number().int().min(0).max(65535), host: z.string().min(1) })
  .safeParse({ port: values.port ?? 4020, host: values.host ?? "127.0.0.1" });
if (!args.success) {
  console.error(`Usage: npm run s3:fake -- [--port 4020] [--host 127.0.0.1]\n${args.error.issues.map((issue) => issue.message).join("\n")}`);
  process.exit(2);
}

const fake = await startFakeS3(args.data);
console.log(`Fake S3 listening on ${fake.url} (objects are kept in memory)

Put these in the app's environment (.env.local):
MEDIA_STORAGE=s3
S3_ENDPOINT=${fake.url}
S3_BUCKET=${fake.bucket}
S3_ACCESS_KEY_ID=${fake.accessKeyId}
S3_SECRET_ACCESS_KEY=${fake.secretAccessKey}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
