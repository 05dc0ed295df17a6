// Where generated files live. A generated file here that the manifest no longer asks for is
// removed; anything outside (notably `migrations/`, which is append-only) is never removed.

/** Folders whose generated files the build owns (searched recursively). */
export const GENERATED_DIRS = [
  'src/client',
  'src/lib/realtime',
  'src/lib/server',
  'src/routes',
] as const;

/** Single generated files outside those folders. */
export const GENERATED_FILES = [
  'src/app.ts',
  'src/index.ts',
  'src/lib/auth.ts',
  'src/lib/realtime.ts',
] as const;
