/**
 * Writes the PWA's PNG icons (public/icons/) from app/icon.svg with sharp. Run after changing the
 * icon: `npx tsx scripts/generate-pwa-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app", "icon.svg"));
const out = path.join(root, "public", "icons");
mkdirSync(out, { recursive: true });

for (const size of [192, 512]) {
  await sharp(svg, { density: 512 }).resize(size, size).png().toFile(path.join(out, `icon-${size}.png`));
}
// Maskable: the platform crops to a circle or squircle, so the artwork sits inside the central 80 % on the brand colour.
const inner = await sharp(svg, { density: 512 }).resize(410, 410).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: "#2855e0" } })
  .composite([{ input: inner, gravity: "center" }])
  .png()
  .toFile(path.join(out, "icon-maskable-512.png"));
console.log(`PWA icons written to ${path.relative(root, out)}`);
