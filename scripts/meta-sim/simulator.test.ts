// The simulator's argument rules and the deliveries it plans, without posting anything.
import { describe, expect, it } from "vitest";
import { demoCustomerFor, demoCustomers, demoEvents } from "./demo-events";
import { igsidFor, waIdFor } from "./ids";
import type { InstagramDelivery } from "./instagram-payloads";
import { buildEvents, type EventRequest } from "./simulated-events";
import { channelSettings, parseSimulateArgs, UsageError } from "./simulator-args";
import type { WhatsAppDelivery } from "./whatsapp-payloads";

const igItem = (payload: unknown) => (payload as InstagramDelivery).entry[0].messaging[0];
const waValue = (payload: unknown) => (payload as WhatsAppDelivery).entry[0].changes[0].value;
const parse = (args: string, env: Record<string, string> = {}) => parseSimulateArgs(args.split(" ").filter(Boolean), env);

const request = (overrides: Partial<EventRequest>): EventRequest => ({
  channel: "instagram",
  type: "text",
  from: "ana",
  account: "17841400000000001",
  graphUrl: "http://127.0.0.1:4010",
  timestamp: 1_700_000_000_000,
  ...overrides,
});

describe("parseSimulateArgs", () => {
  it("applies defaults and env fallbacks", () => {
    const args = parse("--channel instagram", { APP_URL: "http://app.test:3000" });
    expect(args).toMatchObject({ channel: "instagram", from: "ana", type: "text", count: 1, appUrl: "http://app.test:3000", graphUrl: "http://127.0.0.1:4010" });
    expect(channelSettings("instagram", args, {})).toEqual({ secret: "dev-app-secret", account: "17841400000000001" });
    expect(channelSettings("whatsapp", args, { META_APP_SECRET: "shared", WHATSAPP_PHONE_NUMBER_ID: "555" })).toEqual({ secret: "shared", account: "555" });
    expect(channelSettings("instagram", args, { INSTAGRAM_APP_SECRET: "ig", META_APP_SECRET: "shared", INSTAGRAM_PAGE_ID: "" })).toEqual({
      secret: "ig",
      account: "17841400000000001",
    });
    expect(channelSettings("whatsapp", parse("--channel whatsapp --secret s --account 9"), { WHATSAPP_APP_SECRET: "wa" })).toEqual({ secret: "s", account: "9" });
  });

  it.each([
    ["", "--channel"],
    ["--channel telegram", "--channel"],
    ["--channel whatsapp --type story-reply", "--type"],
    ["--channel instagram --type status", "--type"],
    ["--channel whatsapp --type status", "--message-id"],
    ["--channel whatsapp --type reaction", "--message-id"],
    ["--channel instagram --count 0", "--count"],
    ["--channel instagram --count many", "--count"],
    ["--channel instagram --app-url not-a-url", "--app-url"],
    ["--channel whatsapp --type status --message-id w --status seen", "--status"],
    ["--demo --account 123", "--account"],
    ["--channel instagram --unknown", "unknown"],
    ["--channel instagram --ago yesterday", "--ago"],
  ])("rejects %j naming %s", (argv, named) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(new RegExp(named, "i"));
  });

  it("reads --ago as a duration back from now", () => {
    expect(parse("--channel whatsapp").ago).toBe(0);
    expect(parse("--channel whatsapp --ago 30h").ago).toBe(30 * 3_600_000);
    expect(parse("--channel whatsapp --ago 45m").ago).toBe(45 * 60_000);
    expect(parse("--channel whatsapp --ago 2d").ago).toBe(2 * 86_400_000);
  });

  it("continues a demo customer from their first name, on the channel where the demo has them", () => {
    expect(demoCustomerFor("instagram", "ana")).toBe("ana.costa");
    expect(demoCustomerFor("whatsapp", "Maria")).toBe("maria.silva");
    expect(demoCustomerFor("whatsapp", "ana")).toBe("ana");
    expect(demoCustomerFor("instagram", "zeca")).toBe("zeca");
  });

  it("accepts --demo and --help without a channel", () => {
    expect(parse("--demo").demo).toBe(true);
    expect(parse("--help").help).toBe(true);
  });
});

describe("buildEvents", () => {
  it("derives a stable customer from the friendly name", () => {
    const [first] = buildEvents(request({ text: "Hi" }));
    const [second] = buildEvents(request({ text: "Hi" }));
    expect(igItem(first.payload).sender.id).toBe(igsidFor("ana"));
    expect(igItem(second.payload).sender.id).toBe(igItem(first.payload).sender.id);
    expect(igItem(first.payload).message?.mid).not.toBe(igItem(second.payload).message?.mid);
    expect(igsidFor("ana")).toMatch(/^[1-9]\d{15}$/);
    expect(igsidFor("ana")).not.toBe(igsidFor("maria"));
  });

  it("keeps an image's text: WhatsApp's caption, or on Instagram a message right after the photo", () => {
    const [whatsapp] = buildEvents(request({ channel: "whatsapp", type: "image", text: "These ones, in oak" }));
    expect(waValue(whatsapp.payload).messages?.[0]).toMatchObject({ type: "image", image: { caption: "These ones, in oak" } });
    const [photo, words] = buildEvents(request({ type: "image", text: "Like this one" }));
    expect(igItem(photo.payload).message?.attachments?.[0]?.type).toBe("image");
    expect(igItem(words.payload).message?.text).toBe("Like this one");
    expect(igItem(words.payload).timestamp).toBeGreaterThan(igItem(photo.payload).timestamp);
    expect(buildEvents(request({ type: "image" }))).toHaveLength(1);
  });

  it("puts the WhatsApp customer's name in contacts and derives their number", () => {
    const [event] = buildEvents(request({ channel: "whatsapp", from: "maria.silva", text: "Olá" }));
    expect(event.channel).toBe("whatsapp");
    expect(waValue(event.payload).contacts).toEqual([{ profile: { name: "Maria Silva" }, wa_id: waIdFor("maria.silva") }]);
    expect(waValue(event.payload).messages?.[0]).toMatchObject({ from: waIdFor("maria.silva"), text: { body: "Olá" } });
    expect(waIdFor("maria.silva")).toMatch(/^35191\d{7}$/);
  });

  it("sends the referenced message first when an Instagram read, reaction or unsend names none", () => {
    const [echo, read] = buildEvents(request({ type: "read" }));
    expect(igItem(echo.payload).message?.is_echo).toBe(true);
    expect(igItem(read.payload).read?.mid).toBe(igItem(echo.payload).message?.mid);

    const [original, deleted] = buildEvents(request({ type: "deleted" }));
    expect(igItem(deleted.payload).message).toEqual({ mid: igItem(original.payload).message?.mid, is_deleted: true });

    const only = buildEvents(request({ type: "reaction", messageId: "mid.given" }));
    expect(only).toHaveLength(1);
    expect(igItem(only[0].payload).reaction?.mid).toBe("mid.given");
  });

  it("an edit without a message id edits a text it sends first, on both channels", () => {
    const [original, edit] = buildEvents(request({ type: "edit", text: "I'd like 3 chairs" }));
    expect(igItem(edit.payload).message_edit).toEqual({ mid: igItem(original.payload).message?.mid, text: "I'd like 3 chairs", num_edit: 1 });
    const [waOriginal, waEdit] = buildEvents(request({ channel: "whatsapp", type: "edit", text: "3 chairs" }));
    expect(waValue(waEdit.payload).messages?.[0].edit?.original_message_id).toBe(waValue(waOriginal.payload).messages?.[0].id);
  });

  it("story mentions carry a story the fake can serve; WhatsApp buttons carry their payload", () => {
    const [mention] = buildEvents(request({ type: "story-mention" }));
    expect(igItem(mention.payload).message?.attachments?.[0]).toMatchObject({ type: "story_mention", payload: { url: expect.stringMatching(/\/cdn\//) } });
    const [button] = buildEvents(request({ channel: "whatsapp", type: "button" }));
    expect(waValue(button.payload).messages?.[0]).toMatchObject({ type: "button", button: { payload: "CONFIRM_ORDER" } });
    expect(() => parse("--channel whatsapp --type story-mention")).toThrow(UsageError);
  });

  it("builds WhatsApp statuses for the given wamid and images the fake can serve", () => {
    const [status] = buildEvents(request({ channel: "whatsapp", type: "status", status: "failed", messageId: "wamid.ABC" }));
    expect(waValue(status.payload).statuses?.[0]).toMatchObject({ id: "wamid.ABC", status: "failed", errors: [{ code: 131047 }] });
    const [image] = buildEvents(request({ type: "image" }));
    expect(igItem(image.payload).message?.attachments?.[0].payload.url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/cdn\//);
  });
});

describe("usernames and referrals", () => {

  it("a WhatsApp --username customer comes with a BSUID and an empty phone, as Meta sends them", () => {
    const args = parse("--channel whatsapp --from rui --username @rui.moveis --referral ad");
    expect(args).toMatchObject({ username: "rui.moveis", referral: "ad" });
    const [{ payload }] = buildEvents(request({ channel: "whatsapp", from: "rui", username: args.username, referral: args.referral }));
    const value = waValue(payload);
    const bsuid = value.messages![0].from_user_id;
    expect(bsuid).toMatch(/^PT\.\d{16}$/);
    expect(value.messages![0]).toMatchObject({ from: "", referral: { source_type: "ad" } });
    expect(value.contacts![0]).toMatchObject({ wa_id: "", user_id: bsuid, profile: { username: "@rui.moveis" } });
  });

  it("an Instagram --referral link carries an ig.me ref; wrong combinations are refused", () => {
    const [{ payload }] = buildEvents(request({ channel: "instagram", referral: "link" }));
    expect(igItem(payload).message?.referral).toMatchObject({ source: "SHORTLINK", ref: "shop_window" });
    expect(() => parse("--channel instagram --username ana")).toThrow(UsageError);
    expect(() => parse("--channel instagram --referral post")).toThrow(UsageError);
    expect(() => parse("--channel whatsapp --type image --referral ad")).toThrow(UsageError);
  });
});

describe("messenger events", () => {
  it("builds signed-ready Page deliveries for a customer's text, ad referral and delivery receipt", () => {
    const [text] = buildEvents({ channel: "messenger", type: "text", from: "rita", account: "PAGE1", graphUrl: "http://fake", referral: "ad", timestamp: 1 });
    expect(text.payload).toMatchObject({ object: "page", entry: [{ id: "PAGE1", messaging: [{ recipient: { id: "PAGE1" }, message: { referral: { source: "ADS" } } }] }] });
    const receipt = buildEvents({ channel: "messenger", type: "status", from: "rita", account: "PAGE1", graphUrl: "http://fake", timestamp: 2 });
    expect(receipt.map((event) => event.description)).toEqual([expect.stringContaining("echo"), expect.stringContaining("delivery receipt")]);
  });

  it("accepts --channel messenger and refuses WhatsApp-only types on it", () => {
    expect(parseSimulateArgs(["--channel", "messenger", "--type", "postback"], {}).channel).toBe("messenger");
    expect(() => parseSimulateArgs(["--channel", "messenger", "--type", "button"], {})).toThrow(/not a messenger event/);
  });
});

describe("demoEvents", () => {
  it("fills both channels with several customers, in time order, reacting to a reply that was sent", () => {
    const events = demoEvents({ accounts: { instagram: "IG1", whatsapp: "WA1", messenger: "PAGE1" }, graphUrl: "http://fake", now: 1_700_000_000_000 });
    expect(demoCustomers("instagram").length).toBeGreaterThanOrEqual(3);
    expect(demoCustomers("whatsapp").length).toBeGreaterThanOrEqual(3);
    expect(new Set(events.map((event) => event.channel))).toEqual(new Set(["instagram", "whatsapp"]));

    const instagram = events.filter((event) => event.channel === "instagram").map((event) => igItem(event.payload));
    expect(instagram.every((item) => item.recipient.id === "IG1" || item.sender.id === "IG1")).toBe(true);
    const echoMids = instagram.filter((item) => item.message?.is_echo).map((item) => item.message?.mid);
    const reaction = instagram.find((item) => item.reaction);
    expect(echoMids).toContain(reaction?.reaction?.mid);

    const whatsapp = events.filter((event) => event.channel === "whatsapp").map((event) => waValue(event.payload));
    expect(whatsapp.every((value) => value.metadata.phone_number_id === "WA1")).toBe(true);

    const times = events.map((event) =>
      event.channel === "instagram" ? igItem(event.payload).timestamp : Number(waValue(event.payload).messages?.[0].timestamp) * 1000,
    );
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBe(1_700_000_000_000);
  });
});
