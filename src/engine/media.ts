import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { IncomingImage } from '../transport/types.js';

/**
 * Pictures the bot keeps (a quick reply's photo, later product photos and complaint photos) live
 * under data/media/. The store records their paths relative to the data folder, so the folder can
 * move as a whole.
 */
export const MEDIA_DIR = 'media';
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

export class Media {
  constructor(private readonly dataDir: string) {}

  /** Saves a picture a message carried; returns its path relative to the data folder. */
  async save(image: IncomingImage, prefix: string): Promise<string> {
    const bytes = await image.read();
    if (bytes.byteLength === 0) throw new Error('the picture is empty');
    if (bytes.byteLength > MAX_IMAGE_BYTES) throw new Error(`the picture is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    const ext = EXTENSIONS[image.mimetype] ?? 'jpg';
    const safe =
      prefix
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .slice(0, 40) || 'gambar';
    const relative = join(MEDIA_DIR, `${safe}-${randomUUID().slice(0, 8)}.${ext}`);
    await mkdir(join(this.dataDir, MEDIA_DIR), { recursive: true });
    await writeFileAtomic(join(this.dataDir, relative), bytes);
    return relative;
  }

  /** The absolute path of a saved picture. */
  path(relative: string): string {
    return resolve(this.dataDir, relative);
  }
}
