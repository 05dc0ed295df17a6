// Every wait in the editor tests has a bound, so a silent server fails a test instead of
// hanging the run.

/** The line no-network.cjs writes when the server under test reaches for the network. */
export const NETWORK_MARKER = 'quickback-editor-test: network access blocked';

export function within<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}
