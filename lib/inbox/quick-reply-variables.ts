/**
 * Quick replies are written once for every customer: `{{first_name}}` becomes the customer's first
 * name ("there" when we don't know it, so "Hi {{first_name}}!" still reads well) and
 * `{{agent_name}}` the salesperson's. Unknown variables are left as typed, for the agent to see.
 */
export const QUICK_REPLY_VARIABLES = ["{{first_name}}", "{{agent_name}}"] as const;

export function fillQuickReply(body: string, values: { customerName: string | null; agentName: string }): string {
  const firstName = values.customerName?.trim().split(/\s+/)[0] || "there";
  return body.replace(/\{\{\s*(first_name|agent_name)\s*\}\}/g, (_, name: string) => (name === "first_name" ? firstName : values.agentName));
}
