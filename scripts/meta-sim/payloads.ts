// The one import for tests, e2e and the benchmark: webhook builders for both channels, signing and delivery.
export * from "./instagram-payloads";
export * from "./whatsapp-payloads";
export { signPayload } from "./sign-payload";
export { postWebhook, type PostWebhookInput } from "./post-webhook";
export { igsidFor, waIdFor, displayNameFor, newInstagramMid, newWamid } from "./ids";
export * from "./messenger-payloads";
