// `build --watch`: rebuild whenever the manifest changes, until Ctrl-C. The folder is watched
// rather than the file because editors often save by writing a new file and renaming it over
// the old one, which ends a watch on the old file.

import fs from 'node:fs';
import path from 'node:path';

import type { CliIO } from './io.ts';

/** Editors save in bursts (truncate, write, rename); one rebuild per burst is enough. */
const SETTLE_MS = 150;

export function watchManifest(
  manifest: string,
  rebuild: () => Promise<number>,
  io: CliIO,
): Promise<number> {
  const name = path.basename(manifest);
  io.stdout(`watching ${name} for changes (Ctrl-C stops)\n`);

  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let queue = Promise.resolve();
    const watcher = fs.watch(path.dirname(manifest), (_event, changed) => {
      if (changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        queue = queue.then(async () => {
          io.stdout(`\n${name} changed: rebuilding\n`);
          await rebuild();
        });
      }, SETTLE_MS);
    });

    process.once('SIGINT', () => {
      clearTimeout(timer);
      watcher.close();
      void queue.then(() => resolve(0));
    });
  });
}
