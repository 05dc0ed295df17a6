// The file system calls the write stage makes, behind an interface so that tests can make one
// of them fail midway and check that the stage puts everything back.

import fs from 'node:fs';

export interface FileOps {
  /** Contents of a regular file, or null when nothing is there. */
  read(path: string): string | null;
  /** 'file', 'dir', 'other' (a link, a socket...) or null when nothing is there. */
  kind(path: string): 'file' | 'dir' | 'other' | null;
  list(dir: string): string[];
  write(path: string, contents: string): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  mkdir(path: string): void;
  rmdir(path: string): void;
}

export const nodeFileOps: FileOps = {
  read(path) {
    return nodeFileOps.kind(path) === 'file' ? fs.readFileSync(path, 'utf8') : null;
  },
  kind(path) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(path, { throwIfNoEntry: false });
    } catch (error) {
      // A file where a folder of the path should be: nothing can be at this path.
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw error;
    }
    if (stat === undefined) return null;
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
  },
  list(dir) {
    return fs.readdirSync(dir).sort();
  },
  write(path, contents) {
    fs.writeFileSync(path, contents, 'utf8');
  },
  rename(from, to) {
    fs.renameSync(from, to);
  },
  unlink(path) {
    fs.unlinkSync(path);
  },
  mkdir(path) {
    fs.mkdirSync(path);
  },
  rmdir(path) {
    fs.rmdirSync(path);
  },
};
