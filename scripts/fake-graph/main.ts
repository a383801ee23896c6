// npm run meta:fake -- --port 4010: runs the fake Graph API until Ctrl-C, for local demos and for
// an app started by hand.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startFakeGraph } from "./start-fake-graph";

const usage = `Usage: npm run meta:fake -- [--port 4010] [--host 127.0.0.1]

Runs a fake Meta Graph API (Instagram Messaging, Messenger + WhatsApp Cloud API) on this machine.
  --port   port to listen on (default: FAKE_GRAPH_PORT or 4010; 0 picks a free one)
  --host   interface to bind (default 127.0.0.1)
Control it over HTTP: GET /__fake/requests, POST /__fake/reset | program | profiles | conversations | media | cdn`;

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  help: z.boolean(),
});

function readArgs() {
  try {
    const { values } = parseArgs({
      options: { port: { type: "string" }, host: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    return argsSchema.parse({
      port: values.port ?? process.env.FAKE_GRAPH_PORT ?? 4010,
      host: values.host ?? "127.0.0.1",
      help: values.help ?? false,
    });
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n") : String(error);
    console.error(`${message}\n\n${usage}`);
    process.exit(2);
  }
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const fake = await startFakeGraph({ port: args.port, host: args.host });
console.log(`Fake Graph API listening on ${fake.url}

Put these in the app's environment (.env.local):
META_GRAPH_API_URL=${fake.url}
# the fake serves the media CDN too; customer media is only downloaded from hosts allowed here
MEDIA_ALLOWED_HOSTS=${new URL(fake.url).host}
META_GRAPH_API_VERSION=v21.0
INSTAGRAM_PAGE_ID=17841400000000001
INSTAGRAM_ACCESS_TOKEN=fake-instagram-token
WHATSAPP_PHONE_NUMBER_ID=106540352242922
WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398
WHATSAPP_ACCESS_TOKEN=fake-whatsapp-token
MESSENGER_PAGE_ID=109876543210987
MESSENGER_ACCESS_TOKEN=fake-messenger-token
MESSENGER_VERIFY_TOKEN=dev-verify-token
# npm run meta:simulate signs with this secret by default
META_APP_SECRET=dev-app-secret

Recorded requests: curl ${fake.url}/__fake/requests`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
