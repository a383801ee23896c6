import { postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV } from "./e2e-env";
import { expect, test } from "./fixtures";

/** Posts a delivery to the app under test as Meta would, signed with the channel's app secret. */
export async function deliverWebhook(channel: "instagram" | "whatsapp", payload: unknown) {
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel,
    payload,
    appSecret: channel === "instagram" ? E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET : E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET,
  });
  expect(res.status).toBe(200);
}
