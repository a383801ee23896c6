/**
 * Whether a file's first bytes are what its declared type says. The browser's declared type is
 * whatever the uploader (or a script) chose: an HTML page sent as "application/pdf" would reach the
 * customer as a "PDF". Each type the channels accept is recognised by its signature.
 */

type Check = (bytes: Uint8Array) => boolean;

const startsWith = (signature: number[] | string, offset = 0): Check => {
  const expected = typeof signature === "string" ? [...signature].map((char) => char.charCodeAt(0)) : signature;
  return (bytes) => bytes.length >= offset + expected.length && expected.every((byte, index) => bytes[offset + index] === byte);
};
const anyOf = (...checks: Check[]): Check => (bytes) => checks.some((check) => check(bytes));
const riff = (form: string): Check => (bytes) => startsWith("RIFF")(bytes) && startsWith(form, 8)(bytes);
/** ISO base media (MP4, QuickTime, 3GPP, M4A): a box of type "ftyp" first (QuickTime may start with others). */
const isoMedia: Check = anyOf(startsWith("ftyp", 4), startsWith("moov", 4), startsWith("mdat", 4), startsWith("wide", 4), startsWith("free", 4));
const mpegAudio: Check = anyOf(startsWith("ID3"), (bytes) => bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0);
const adts: Check = (bytes) => bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xf6) === 0xf0;
/** Legacy Office (doc, xls, ppt): an OLE compound file. */
const ole = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office Open XML (docx, xlsx, pptx): a ZIP archive. */
const zip = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** Plain text: no NUL byte and valid UTF-8 (no signature to look for). */
const text: Check = (bytes) => {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const SIGNATURES: Record<string, Check> = {
  "image/jpeg": startsWith([0xff, 0xd8, 0xff]),
  "image/png": startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/gif": anyOf(startsWith("GIF87a"), startsWith("GIF89a")),
  "video/mp4": isoMedia,
  "video/quicktime": isoMedia,
  "video/3gpp": isoMedia,
  "video/webm": startsWith([0x1a, 0x45, 0xdf, 0xa3]),
  "video/ogg": startsWith("OggS"),
  "video/x-msvideo": riff("AVI "),
  "audio/mp4": isoMedia,
  "audio/m4a": isoMedia,
  "audio/x-m4a": isoMedia,
  "audio/aac": anyOf(adts, startsWith("ADIF"), isoMedia),
  "audio/amr": startsWith("#!AMR"),
  "audio/mpeg": mpegAudio,
  "audio/ogg": startsWith("OggS"),
  "audio/wav": riff("WAVE"),
  "audio/x-wav": riff("WAVE"),
  "application/pdf": startsWith("%PDF-"),
  "application/msword": ole,
  "application/vnd.ms-excel": ole,
  "application/vnd.ms-powerpoint": ole,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": zip,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": zip,
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": zip,
  "text/plain": text,
};

/** True when the bytes carry the signature of `contentType`; a type without a known signature never matches. */
export function bytesMatchType(contentType: string, bytes: Uint8Array): boolean {
  return SIGNATURES[contentType]?.(bytes) ?? false;
}
