/** Resolves when `work` does, or at once when `signal` is aborted. */
export function untilAborted(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    work.then(done, (err: unknown) => {
      signal.removeEventListener('abort', done);
      reject(err);
    });
  });
}
