import { channelLabel } from "@/lib/channels/catalog";
import { ChannelIcon } from "@/components/inbox/icons";
import type { LeadJson } from "@/lib/leads/api-types";

export { channelLabel };

/** One icon per channel the person reached us on, labelled for screen readers. */
export function LeadChannels({ lead, className = "h-3.5 w-3.5" }: { lead: Pick<LeadJson, "contacts">; className?: string }) {
  const channels = [...new Set(lead.contacts.map((contact) => contact.channel))];
  return (
    <span className="flex items-center gap-1 text-slate-500">
      {channels.map((channel) => (
        <ChannelIcon key={channel} channel={channel} className={className} title={channelLabel(channel)} />
      ))}
    </span>
  );
}

/** "Ad", "Link" or nothing (a customer who just wrote), with the ad's headline on hover. */
export function SourceBadge({ source }: { source: LeadJson["source"] }) {
  if (!source || source.kind === "organic") return null;
  const ad = source.kind === "ad";
  return (
    <span
      title={source.headline ?? source.url ?? undefined}
      className={`inline-flex max-w-full items-center truncate rounded px-1.5 py-0.5 text-[11px] font-medium ${ad ? "bg-amber-100 text-amber-800" : "bg-sky-100 text-sky-800"}`}
    >
      {ad ? "Ad" : "Link"}
      {source.headline ? <span className="ml-1 truncate font-normal">· {source.headline}</span> : null}
    </span>
  );
}

/** The panel's sentence: "From ad: Blue sofa −30%". */
export function sourceSentence(source: LeadJson["source"]): string | null {
  if (!source) return null;
  if (source.kind === "organic") return `Wrote in on ${channelLabel(source.channel ?? "")}`.trim();
  const what = source.headline ?? source.url ?? source.adId ?? (source.kind === "ad" ? "an ad" : "a link");
  return `${source.kind === "ad" ? "From ad" : "From link"}: ${what}`;
}
