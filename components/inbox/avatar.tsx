import { initials } from "@/lib/inbox/format";

const tones = ["bg-sky-100 text-sky-800", "bg-emerald-100 text-emerald-800", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-800", "bg-violet-100 text-violet-800", "bg-teal-100 text-teal-800"];

function toneFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return tones[Math.abs(hash) % tones.length];
}

/**
 * Initials on a stable colour; the profile picture drawn over them when there is one, so a picture
 * that fails to load (Meta's links expire) leaves the initials instead of a broken image.
 */
export function Avatar({ name, url, size = 40 }: { name: string; url?: string | null; size?: number }) {
  return (
    <span
      aria-hidden
      className={`relative inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold ${toneFor(name)}`}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.36) }}
    >
      {initials(name)}
      {url ? (
        <img src={url} alt="" className="absolute inset-0 h-full w-full object-cover" loading="lazy" referrerPolicy="no-referrer"
          onError={(event) => (event.currentTarget.style.display = "none")}
          // A server-rendered picture can fail before hydration attaches onError.
          ref={(image) => {
            if (image?.complete && image.naturalWidth === 0) image.style.display = "none";
          }} />
      ) : null}
    </span>
  );
}
