import type { ItemOutcomes, ItemProblem } from "@/lib/inbox/ingest/item-outcomes";

/**
 * What happened to a delivery's items: which failed and why (Replay re-runs only those), and which
 * we could not read and stored as "can't show yet" messages in the customer's thread.
 */
export function EventItemOutcomes({ outcomes }: { outcomes: ItemOutcomes }) {
  return (
    <div data-testid="event-items" className="space-y-2">
      <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Items</h4>
      <p className="text-sm text-slate-700">
        {outcomes.items} item{outcomes.items === 1 ? "" : "s"}: {outcomes.stored} stored
        {outcomes.failedCount > 0 ? `, ${outcomes.failedCount} failed` : ""}
        {outcomes.unreadableCount > 0 ? `, ${outcomes.unreadableCount} shown as "can't show yet"` : ""}
      </p>
      <ProblemList testId="event-failed-items" title="Failed (not stored; Replay re-runs these)" problems={outcomes.failed} total={outcomes.failedCount} tone="bg-red-50 text-red-800" />
      <ProblemList
        testId="event-unreadable-items"
        title="Stored as messages this inbox can't show yet"
        problems={outcomes.unreadable}
        total={outcomes.unreadableCount}
        tone="bg-amber-50 text-amber-900"
      />
    </div>
  );
}

function ProblemList({ testId, title, problems, total, tone }: { testId: string; title: string; problems: ItemProblem[]; total: number; tone: string }) {
  if (problems.length === 0) return null;
  return (
    <div>
      <p className="text-xs font-medium text-slate-600">{title}</p>
      <ul data-testid={testId} className={`mt-1 space-y-1 rounded-md p-3 text-xs ${tone}`}>
        {problems.map((problem) => (
          <li key={problem.path} className="break-words">
            <code className="font-semibold">{problem.path}</code> — {problem.error}
          </li>
        ))}
        {total > problems.length ? <li>…and {total - problems.length} more</li> : null}
      </ul>
    </div>
  );
}
