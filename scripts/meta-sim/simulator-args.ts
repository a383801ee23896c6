// Command-line arguments of `npm run meta:simulate`, validated in one place so a typo stops the run
// with a message instead of posting something half-right.
import { DEMO_PAGE_ID } from "./messenger-payloads";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEMO_INSTAGRAM_ACCOUNT_ID } from "./instagram-payloads";
import { DEMO_PHONE_NUMBER_ID } from "./whatsapp-payloads";

export const simulateUsage = `Usage: npm run meta:simulate -- --channel instagram|whatsapp|messenger [options]
       npm run meta:simulate -- --demo

Signs and posts Meta-format webhook deliveries to a running app, as Instagram / WhatsApp / Messenger would.

  --channel <c>        instagram | whatsapp | messenger (not needed with --demo)
  --from <name>        customer's friendly name (default "ana"); the same name is always the same
                       customer: a stable IGSID / WhatsApp number is derived from it. A first name
                       of a --demo customer continues that customer (ana → Ana Costa on Instagram,
                       maria → Maria Silva on WhatsApp)
  --text <text>        message text (default: a realistic sample)
  --type <type>        text (default) | image (with --text: WhatsApp's caption; on Instagram the
                       text follows as its own message) | story-reply | story-mention | reaction | read |
                       echo | deleted | edit | postback | quick-reply | button | status | odd
                       instagram: all but button and status; whatsapp: text, image, reaction,
                       edit, button, status, odd; messenger: text, image, reaction, read, echo,
                       deleted, postback, quick-reply, status (a delivery receipt). odd: one delivery
                       shaped the way Meta's sometimes are (an item without mid or type, nulls, an
                       unknown type, an item without sender): the valid items are stored, the rest kept
  --status <s>         for --type status: delivered (default) | read | failed
  --message-id <id>    message the event refers to (mid / wamid). Required for whatsapp status and
                       reaction; for instagram reaction/read/deleted and edit a message is sent first
                       when omitted
  --username <name>     whatsapp: the customer shows this username instead of their number, so
                       Meta sends their business-scoped user id (BSUID) and an empty phone
  --bsuid <id>         whatsapp: the customer's BSUID (default: derived from --from when
                       --username is given); without --username it comes next to the phone
  --referral <kind>    for --type text, the ad or link the customer came from: instagram ad | link
                       (ig.me with a ref), whatsapp ad | post (click-to-WhatsApp ad, or a post),
                       messenger ad | link (Click-to-Messenger ad, or an m.me link with a ref)
  --count <n>          send n events (default 1, max 1000)
  --ago <duration>     backdate the events, e.g. 45m, 30h, 2d (30h: the reply window has closed)
  --demo               several customers on both channels with a few messages each
  --app-url <url>      default APP_URL or http://localhost:3000
  --secret <secret>    app secret used to sign; default INSTAGRAM_APP_SECRET / WHATSAPP_APP_SECRET,
                       then META_APP_SECRET, then "dev-app-secret"
  --account <id>       business account: Instagram account id (default INSTAGRAM_PAGE_ID or
                       ${DEMO_INSTAGRAM_ACCOUNT_ID}) or WhatsApp phone number id (default
                       WHATSAPP_PHONE_NUMBER_ID or ${DEMO_PHONE_NUMBER_ID})
  --graph-url <url>    fake Graph API, for image URLs and customer names (default META_GRAPH_API_URL
                       or http://127.0.0.1:4010)
  --dry-run            print the payloads instead of posting them
  -h, --help           this text

Examples:
  npm run meta:simulate -- --channel instagram --from ana --text "Hi"
  npm run meta:simulate -- --channel whatsapp --from maria --type image
  npm run meta:simulate -- --channel whatsapp --type status --status read --message-id wamid.HBgM...
  npm run meta:simulate -- --channel instagram --from joao --count 20
  npm run meta:simulate -- --channel whatsapp --from rui --username rui.moveis --referral ad`;

export const instagramTypes = [
  "text", "image", "story-reply", "story-mention", "reaction", "read", "echo", "deleted", "edit", "postback", "quick-reply", "odd",
] as const;
export const whatsappTypes = ["text", "image", "reaction", "edit", "button", "status", "odd"] as const;
export const messengerTypes = ["text", "image", "reaction", "read", "echo", "deleted", "postback", "quick-reply", "status"] as const;
const allTypes = [...new Set([...instagramTypes, ...whatsappTypes, ...messengerTypes])] as [string, ...string[]];

export type Channel = "instagram" | "whatsapp" | "messenger";
export type SimulatedType = (typeof instagramTypes)[number] | (typeof whatsappTypes)[number] | (typeof messengerTypes)[number];

const argsSchema = z
  .object({
    help: z.boolean(),
    demo: z.boolean(),
    dryRun: z.boolean(),
    channel: z.enum(["instagram", "whatsapp", "messenger"]).optional(),
    from: z.string().trim().min(1).max(60),
    text: z.string().min(1).max(1000).optional(),
    type: z.enum(allTypes as [SimulatedType, ...SimulatedType[]]),
    status: z.enum(["delivered", "read", "failed"]),
    messageId: z.string().min(1).optional(),
    username: z.string().trim().regex(/^@?[a-z0-9._]{1,35}$/i, "letters, digits, dots and underscores").transform((name) => name.replace(/^@/, "")).optional(),
    bsuid: z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/, "looks like PT.1502576394655843").optional(),
    referral: z.enum(["ad", "link", "post"]).optional(),
    count: z.coerce.number().int().min(1).max(1000),
    ago: z
      .string()
      .regex(/^\d+[mhd]$/, "is a number with m, h or d, e.g. 30h")
      .transform((value) => Number(value.slice(0, -1)) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[value.slice(-1) as "m" | "h" | "d"])
      .default(0),
    appUrl: z.url(),
    graphUrl: z.url(),
    secret: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
  })
  .superRefine((args, ctx) => {
    if (args.help) return;
    if (args.demo) {
      if (args.account) ctx.addIssue({ code: "custom", path: ["account"], message: "cannot be combined with --demo, which uses both channels" });
      return;
    }
    if (!args.channel) {
      ctx.addIssue({ code: "custom", path: ["channel"], message: "is required (instagram, whatsapp or messenger), or use --demo" });
      return;
    }
    const allowed: readonly string[] = { instagram: instagramTypes, whatsapp: whatsappTypes, messenger: messengerTypes }[args.channel];
    if (!allowed.includes(args.type)) {
      ctx.addIssue({ code: "custom", path: ["type"], message: `${args.type} is not a ${args.channel} event; use one of ${allowed.join(", ")}` });
    }
    if (args.channel !== "whatsapp" && (args.username || args.bsuid)) {
      ctx.addIssue({ code: "custom", path: [args.username ? "username" : "bsuid"], message: "is a WhatsApp option (Instagram customers are known by IGSID)" });
    }
    if (args.referral) {
      const kinds = args.channel === "whatsapp" ? ["ad", "post"] : ["ad", "link"];
      if (args.type !== "text") ctx.addIssue({ code: "custom", path: ["referral"], message: "comes with --type text (the customer's first message)" });
      else if (!kinds.includes(args.referral)) ctx.addIssue({ code: "custom", path: ["referral"], message: `is ${kinds.join(" or ")} on ${args.channel}` });
    }
    if (args.channel === "whatsapp" && (args.type === "status" || args.type === "reaction") && !args.messageId) {
      ctx.addIssue({ code: "custom", path: ["message-id"], message: `is required for whatsapp --type ${args.type} (the wamid of a message the app sent)` });
    }
  });

export type SimulateArgs = z.output<typeof argsSchema>;

export class UsageError extends Error {}

const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function parseSimulateArgs(argv: string[], env: Record<string, string | undefined>): SimulateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        help: { type: "boolean", short: "h" },
        demo: { type: "boolean" },
        "dry-run": { type: "boolean" },
        channel: { type: "string" },
        from: { type: "string" },
        text: { type: "string" },
        type: { type: "string" },
        status: { type: "string" },
        "message-id": { type: "string" },
        username: { type: "string" },
        bsuid: { type: "string" },
        referral: { type: "string" },
        count: { type: "string" },
        ago: { type: "string" },
        "app-url": { type: "string" },
        "graph-url": { type: "string" },
        secret: { type: "string" },
        account: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = argsSchema.safeParse({
    help: values.help ?? false,
    demo: values.demo ?? false,
    dryRun: values["dry-run"] ?? false,
    channel: values.channel,
    from: values.from ?? "ana",
    text: values.text,
    type: values.type ?? "text",
    status: values.status ?? "delivered",
    messageId: values["message-id"],
    username: values.username,
    bsuid: values.bsuid,
    referral: values.referral,
    count: values.count ?? 1,
    ago: values.ago,
    appUrl: values["app-url"] ?? (env.APP_URL || "http://localhost:3000"),
    graphUrl: values["graph-url"] ?? (env.META_GRAPH_API_URL || "http://127.0.0.1:4010"),
    secret: values.secret,
    account: values.account,
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `--${kebab(issue.path.map(String).join("."))}: ${issue.message}`).join("\n"));
  }
  return parsed.data;
}

/** Per-channel signing secret and account id: flag, then the channel's env var, then the shared one (empty counts as unset). */
export function channelSettings(channel: Channel, args: SimulateArgs, env: Record<string, string | undefined>) {
  const prefix = channel.toUpperCase();
  const defaultAccount = {
    instagram: env.INSTAGRAM_PAGE_ID || DEMO_INSTAGRAM_ACCOUNT_ID,
    whatsapp: env.WHATSAPP_PHONE_NUMBER_ID || DEMO_PHONE_NUMBER_ID,
    messenger: env.MESSENGER_PAGE_ID || DEMO_PAGE_ID,
  }[channel];
  return {
    secret: args.secret ?? (env[`${prefix}_APP_SECRET`] || env.META_APP_SECRET || "dev-app-secret"),
    account: args.account ?? defaultAccount,
  };
}
