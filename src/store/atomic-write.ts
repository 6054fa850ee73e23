import { open, rename, unlink, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; tests swap one out to interrupt a write. */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

const realFs: AtomicFs = { open, rename, unlink };

let counter = 0;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${++counter}`);
}

export function isTempFileOf(path: string, candidate: string): boolean {
  return candidate.startsWith(`.${basename(path)}.tmp-`);
}

/**
 * Writes `data` so that `path` holds either the old content or the new, never a mix or an empty
 * file: the bytes go to a temp file in the same folder, are fsynced, and the temp file is renamed
 * over the target (rename is atomic on POSIX). The folder is fsynced too, so the rename survives a
 * power cut.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = realFs, mode = 0o600): Promise<void> {
  const tmp = tempPathFor(path);
  let renamed = false;
  try {
    const fh = await fs.open(tmp, 'w', mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, path);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(tmp).catch(() => undefined);
  }
  await syncDir(dirname(path), fs);
}

async function syncDir(dir: string, fs: AtomicFs): Promise<void> {
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  }
}

/** Removes temp files that a killed process left behind. */
export async function removeStaleTempFiles(path: string): Promise<string[]> {
  const dir = dirname(path);
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (isTempFileOf(path, name)) {
      await unlink(join(dir, name)).catch(() => undefined);
      removed.push(name);
    }
  }
  return removed;
}
