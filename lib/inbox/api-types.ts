import type { Attachment, MessageTemplate } from "@/lib/channels/types";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import type { ConversationPage } from "@/lib/inbox/list-conversations";
import type { MessagePage, ThreadMessage } from "@/lib/inbox/list-messages";

/** What the inbox API's JSON looks like in the browser: the lib types with dates as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type ConversationItemJson = Json<ConversationPage["conversations"][number]>;
export type ConversationPageJson = Json<ConversationPage>;
export type ConversationDetailJson = Json<ConversationDetail>;
export type MessageJson = Json<ThreadMessage>;
export type MessagePageJson = Json<MessagePage>;

/** The first screen the server page renders, handed to the client as SWR fallback data. */
export interface InboxFallback {
  conversations: ConversationPageJson;
  conversation: ConversationDetailJson | null;
  messages: MessagePageJson | null;
}

export interface TeamMember {
  id: string;
  name: string;
}

export interface QuickReplyJson {
  id: string;
  shortcut: string;
  body: string;
}

/** Template and attachment shapes hold no dates: the channel contract's types are already their JSON. */
export type MessageTemplateJson = MessageTemplate;
export type AttachmentJson = Attachment;
