/** A button, quick reply or list row the customer tapped: their choice, not words they typed. */
export function ChoiceChip({ title, outbound }: { title: string; outbound: boolean }) {
  return (
    <span data-testid="choice" className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 ${outbound ? "border-white/60" : "border-brand-500 bg-brand-50 text-brand-700"}`}>
      <span className="text-xs font-medium">Chose:</span>{" "}
      <span className="font-medium">{title}</span>
    </span>
  );
}
