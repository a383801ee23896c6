// The WhatsApp Business Account's approved templates, in the shape of GET /{waba-id}/message_templates.
// Positional {{n}} parameters, as most existing accounts use.

export interface MessageTemplate {
  name: string;
  parameter_format: "POSITIONAL";
  components: { type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS"; format?: "TEXT"; text?: string; example?: unknown; buttons?: unknown[] }[];
  language: string;
  status: "APPROVED";
  category: "UTILITY" | "MARKETING";
  id: string;
}

export const messageTemplates: MessageTemplate[] = [
  {
    name: "hello_world",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hello World" },
      {
        type: "BODY",
        text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.",
      },
      { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
    ],
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    id: "1192339204654487",
  },
  {
    name: "order_update",
    parameter_format: "POSITIONAL",
    components: [
      { type: "BODY", text: "Hi {{1}}, your order {{2}} is ready", example: { body_text: [["Maria", "#1042"]] } },
    ],
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    id: "1203948576610293",
  },
  {
    name: "follow_up",
    parameter_format: "POSITIONAL",
    components: [
      {
        type: "BODY",
        text: "Hi {{1}}, thanks for your interest in {{2}}. Would you like to book a visit to our showroom?",
        example: { body_text: [["Ana", "the blue sofa"]] },
      },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Yes, book a visit" }, { type: "QUICK_REPLY", text: "Not now" }] },
    ],
    language: "en_US",
    status: "APPROVED",
    category: "MARKETING",
    id: "1218877665544332",
  },
  {
    name: "order_update",
    parameter_format: "POSITIONAL",
    components: [
      { type: "BODY", text: "Olá {{1}}, a sua encomenda {{2}} está pronta", example: { body_text: [["Maria", "#1042"]] } },
    ],
    language: "pt_PT",
    status: "APPROVED",
    category: "UTILITY",
    id: "1203948576610294",
  },
];
