// The console, as the CLI sees it. Tests pass their own to capture output.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder that relative paths and the default manifest are resolved from. */
  cwd: string;
  /** Whether to colour pretty output. */
  color: boolean;
}

export function processIO(): CliIO {
  const env = process.env;
  // NO_COLOR is the common opt-out; CI logs rarely render escapes well.
  const color = Boolean(process.stderr.isTTY) && env.NO_COLOR === undefined && !env.CI;

  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    color,
  };
}
