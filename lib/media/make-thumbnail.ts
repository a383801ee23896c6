import sharp from "sharp";

/** Wide enough for the thread's image bubbles on a retina screen; small enough for the list. */
const THUMBNAIL_WIDTH = 320;

export interface Thumbnail {
  body: Uint8Array;
  /** The original image's size as displayed (EXIF rotation applied), for layout without shift. */
  width: number;
  height: number;
}

/**
 * A WebP thumbnail of an image, or null when the bytes are not an image sharp can read (a corrupt or
 * truncated file must not stop the worker: the file is still kept, just without a preview). sharp's
 * default pixel limit guards against decompression bombs.
 */
export async function makeThumbnail(image: Uint8Array): Promise<Thumbnail | null> {
  try {
    const metadata = await sharp(image).metadata();
    if (!metadata.width || !metadata.height) return null;
    // EXIF orientations 5–8 are rotated by 90°: the displayed width is the stored height.
    const turned = (metadata.orientation ?? 1) >= 5;
    const body = await sharp(image)
      .rotate()
      .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      width: turned ? metadata.height : metadata.width,
      height: turned ? metadata.width : metadata.height,
    };
  } catch {
    return null;
  }
}
