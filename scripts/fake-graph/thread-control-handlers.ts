// Meta's handover protocol on Instagram and Messenger: take, request and pass a thread. The fake
// accepts every well-formed call (tests program refusals with the `thread-control-denied` and
// `thread-control-unsupported` named errors) and answers `{ success: true }` as Graph does.
import { invalidParameterError } from "./graph-errors";
import { fail, ok, type GraphReply } from "./graph-reply";
import { describeIssue, threadControlSchema } from "./send-schemas";

export const THREAD_CONTROL_EDGES: ReadonlySet<string> = new Set(["take_thread_control", "request_thread_control", "pass_thread_control"]);

export function controlThread(body: unknown): GraphReply {
  const parsed = threadControlSchema.safeParse(body);
  if (!parsed.success) return fail(invalidParameterError(describeIssue(parsed.error.issues[0])));
  return ok({ success: true });
}
