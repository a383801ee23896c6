// npm run meta:simulate: posts signed, Meta-format webhook deliveries to a running app, for demos and
// manual testing without Meta. `--help` lists the options.
import { channelSettings, parseSimulateArgs, simulateUsage, UsageError, type Channel, type SimulateArgs } from "./meta-sim/simulator-args";
import { demoCustomerFor, demoCustomers, demoEvents } from "./meta-sim/demo-events";
import { postWebhook } from "./meta-sim/post-webhook";
import { seedFakeProfiles } from "./meta-sim/seed-fake-profiles";
import { buildEvents, sampleText, type SimulatedEvent } from "./meta-sim/simulated-events";

function readArgs(): SimulateArgs {
  try {
    return parseSimulateArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\nRun with --help for usage.`);
    process.exit(2);
  }
}

function plannedEvents(args: SimulateArgs, now: number): SimulatedEvent[] {
  const account = (channel: Channel) => channelSettings(channel, args, process.env).account;
  if (args.demo) {
    return demoEvents({ accounts: { instagram: account("instagram"), whatsapp: account("whatsapp"), messenger: account("messenger") }, graphUrl: args.graphUrl, now });
  }
  const channel = args.channel ?? "instagram";
  return Array.from({ length: args.count }, (_, index) => {
    const numbered = args.count > 1 && args.text ? `${args.text} (${index + 1}/${args.count})` : args.text;
    return buildEvents({
      channel,
      type: args.type,
      from: demoCustomerFor(channel, args.from),
      account: account(channel),
      graphUrl: args.graphUrl,
      text: numbered ?? (args.count > 1 ? sampleText(index) : undefined),
      status: args.status,
      messageId: args.messageId,
      username: args.username,
      bsuid: args.bsuid,
      referral: args.referral,
      timestamp: now - (args.count - 1 - index) * 1000,
    });
  }).flat();
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args.help) {
    console.log(simulateUsage);
    return 0;
  }
  const events = plannedEvents(args, Date.now() - args.ago);
  if (args.dryRun) {
    for (const event of events) console.log(`# ${event.channel}: ${event.description}\n${JSON.stringify(event.payload, null, 2)}`);
    return 0;
  }

  const instagramNames = args.demo ? demoCustomers("instagram") : args.channel === "instagram" ? [args.from] : [];
  if (instagramNames.length > 0 && !(await seedFakeProfiles(args.graphUrl, instagramNames))) {
    console.log(`(no fake Graph API at ${args.graphUrl}: Instagram customers will show the app's fallback names)`);
  }

  console.log(`Posting ${events.length} deliver${events.length === 1 ? "y" : "ies"} to ${args.appUrl}`);
  let failures = 0;
  for (const event of events) {
    let response: Response;
    try {
      response = await postWebhook({
        appUrl: args.appUrl,
        channel: event.channel,
        payload: event.payload,
        appSecret: channelSettings(event.channel, args, process.env).secret,
        timeoutMs: 10_000,
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      console.error(`Could not reach the app at ${args.appUrl} (${cause}). Is it running (npm run dev)? Or pass --app-url.`);
      return 1;
    }
    const detail = response.ok ? "" : ` ${(await response.text()).slice(0, 200)}`;
    console.log(`${response.ok ? "✓" : "✗"} [${event.channel}] ${event.description} → ${response.status} ${response.statusText}${detail}`);
    if (!response.ok) failures += 1;
    // Spaced out so the demo visibly arrives message by message in an open inbox.
    if (args.demo) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (failures > 0) console.error(`${failures} of ${events.length} deliveries were not accepted.`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
