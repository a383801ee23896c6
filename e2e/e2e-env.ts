/** The world the e2e suite runs in: one app on a fresh database, one fake Graph API, known staff and secrets. */
// Overridable so engineers running suites side by side each use their own ports.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3900);
export const E2E_FAKE_GRAPH_PORT = Number(process.env.E2E_FAKE_GRAPH_PORT ?? 4900);
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_FAKE_GRAPH_URL = `http://127.0.0.1:${E2E_FAKE_GRAPH_PORT}`;

export const E2E_ADMIN = { name: "Ada Admin", email: "admin@example.com", password: "admin-password-1", role: "ADMIN" } as const;
export const E2E_AGENT = { name: "Alex Agent", email: "agent@example.com", password: "agent-password-1", role: "AGENT" } as const;

export const E2E_CHANNEL_ENV = {
  META_GRAPH_API_URL: E2E_FAKE_GRAPH_URL,
  INSTAGRAM_GRAPH_API_URL: E2E_FAKE_GRAPH_URL,
  // The fake is the media CDN too; downloads are fenced to Meta's hosts and hosts named here.
  MEDIA_ALLOWED_HOSTS: `127.0.0.1:${E2E_FAKE_GRAPH_PORT}`,
  INSTAGRAM_APP_SECRET: "e2e-instagram-app-secret",
  INSTAGRAM_VERIFY_TOKEN: "e2e-instagram-verify-token",
  INSTAGRAM_PAGE_ID: "17841400000000001",
  INSTAGRAM_ACCESS_TOKEN: "e2e-instagram-access-token",
  WHATSAPP_APP_SECRET: "e2e-whatsapp-app-secret",
  WHATSAPP_VERIFY_TOKEN: "e2e-whatsapp-verify-token",
  WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
  WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
  WHATSAPP_ACCESS_TOKEN: "e2e-whatsapp-access-token",
  MESSENGER_APP_SECRET: "e2e-messenger-app-secret",
  MESSENGER_VERIFY_TOKEN: "e2e-messenger-verify-token",
  MESSENGER_PAGE_ID: "109876543210987",
  MESSENGER_ACCESS_TOKEN: "fake-messenger-token",
} as const;
