// Env that configures both channels against a fake Graph API, with distinctive secrets so a test can
// search responses and logs for them. Shared by the benchmark and the robustness tests.
import { DEMO_INSTAGRAM_ACCOUNT_ID, DEMO_PAGE_ID, DEMO_PHONE_NUMBER_ID, DEMO_WABA_ID } from "../meta-sim/payloads";

export const BENCH_SECRETS = {
  instagramAppSecret: "ig-app-secret-Zq8Kx3Vb7Lm2Np4R",
  instagramToken: "IGQVJ-token-Tq4Wc9Hs1Jd6Fk0P",
  instagramVerifyToken: "ig-verify-Yd5Gt2Mx8Qw3",
  whatsappAppSecret: "wa-app-secret-Rb6Nf1Xk9Pz4Vc7S",
  whatsappToken: "EAAG-token-Hm3Ld8Qs5Wy2Bt9K",
  whatsappVerifyToken: "wa-verify-Ke7Ju4Ln1Rp6",
  messengerAppSecret: "fb-app-secret-Wc2Hs8Kq5Tn1Mz6D",
  messengerToken: "fake-messenger-token",
  messengerVerifyToken: "fb-verify-Pa3Rv7Ne2Gx5",
} as const;

/** Without `graphUrl` for callers that point the app at the fake themselves (tests/helpers/pipeline.ts). */
export function channelEnv(graphUrl?: string, secrets = BENCH_SECRETS): Record<string, string> {
  return {
    ...(graphUrl ? { META_GRAPH_API_URL: graphUrl } : {}),
    INSTAGRAM_APP_SECRET: secrets.instagramAppSecret,
    INSTAGRAM_ACCESS_TOKEN: secrets.instagramToken,
    INSTAGRAM_VERIFY_TOKEN: secrets.instagramVerifyToken,
    INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
    WHATSAPP_APP_SECRET: secrets.whatsappAppSecret,
    WHATSAPP_ACCESS_TOKEN: secrets.whatsappToken,
    WHATSAPP_VERIFY_TOKEN: secrets.whatsappVerifyToken,
    WHATSAPP_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: DEMO_WABA_ID,
    MESSENGER_APP_SECRET: secrets.messengerAppSecret,
    MESSENGER_ACCESS_TOKEN: secrets.messengerToken,
    MESSENGER_VERIFY_TOKEN: secrets.messengerVerifyToken,
    MESSENGER_PAGE_ID: DEMO_PAGE_ID,
  };
}

export function appSecretFor(channel: "instagram" | "whatsapp" | "messenger", secrets = BENCH_SECRETS): string {
  return { instagram: secrets.instagramAppSecret, whatsapp: secrets.whatsappAppSecret, messenger: secrets.messengerAppSecret }[channel];
}
