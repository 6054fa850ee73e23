import { existsSync } from 'node:fs';
import { readdir, readFile, rename, writeFile, open, unlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic, type AtomicFs } from '../../src/store/atomic-write.js';
import { killAfter, removeDir, tempDir } from '../helpers.js';

let dir = '';
afterEach(async () => {
  if (dir) await removeDir(dir);
});

describe('atomic write', () => {
  it('replaces the file and leaves no temp file behind, readable only by its owner', async () => {
    dir = await tempDir();
    const path = join(dir, 'db.json');
    await writeFile(path, '{"old":true}');
    await writeFileAtomic(path, '{"new":true}');
    expect(await readFile(path, 'utf8')).toBe('{"new":true}');
    expect(await readdir(dir)).toEqual(['db.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact when the write is interrupted before the rename', async () => {
    dir = await tempDir();
    const path = join(dir, 'db.json');
    await writeFile(path, '{"old":true}');
    const failing: AtomicFs = {
      open,
      unlink,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    await expect(writeFileAtomic(path, '{"new":true}', failing)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(path, 'utf8')).toBe('{"old":true}');
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('leaves the old file intact when the data cannot be written at all', async () => {
    dir = await tempDir();
    const path = join(dir, 'db.json');
    await writeFile(path, '{"old":true}');
    const failing: AtomicFs = {
      rename,
      unlink,
      open: (async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }) as unknown as AtomicFs['open'],
    };
    await expect(writeFileAtomic(path, '{"new":true}', failing)).rejects.toThrow(/EACCES/);
    expect(await readFile(path, 'utf8')).toBe('{"old":true}');
  });

  /** Runs the writer child `rounds` times, killing it while a write is under way; returns what each kill left. */
  async function killWhileWriting(path: string, rounds: number, plain: boolean): Promise<Array<'complete' | 'broken'>> {
    const outcomes: Array<'complete' | 'broken'> = [];
    // The control (plain) stops at the first broken file: one is all it has to show.
    for (let round = 0; round < rounds && !(plain && outcomes.includes('broken')); round++) {
      await killAfter('test/fixtures/atomic-writer.ts', [path, ...(plain ? ['--plain'] : [])], 'start', 2 + (round % 3));
      try {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as { tag: string; rows: unknown[] };
        outcomes.push(['a', 'b'].includes(parsed.tag) && parsed.rows.length === 150_000 ? 'complete' : 'broken');
      } catch {
        outcomes.push('broken');
      }
    }
    return outcomes;
  }

  it('always leaves a complete file when the writing process is killed with SIGKILL mid-write', async () => {
    dir = await tempDir();
    const path = join(dir, 'db.json');
    expect(await killWhileWriting(path, 6, false)).toEqual(Array(6).fill('complete'));
    // The killed writes may have left temp files; opening the store removes them.
    const removed = await removeStaleTempFiles(path);
    expect(removed.every((n) => n.startsWith('.db.json.tmp-'))).toBe(true);
    expect(await readdir(dir)).toEqual(['db.json']);
    expect(existsSync(path)).toBe(true);
  });

  it('(control) the same kills do break a plain, non-atomic write', async () => {
    dir = await tempDir();
    const outcomes = await killWhileWriting(join(dir, 'db.json'), 30, true);
    expect(outcomes).toContain('broken');
  });
});
