/**
 * A reaction's dedupe key: one per reacting person and target message, so a new emoji replaces the
 * old one. The thread derives the same keys to find a page's reactions through the unique
 * (channel, externalId) index instead of scanning the conversation.
 */
export function reactionExternalId(reactorId: string, targetExternalId: string): string {
  return `reaction:${reactorId}:${targetExternalId}`;
}
