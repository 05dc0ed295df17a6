// Where one cold build's time goes, stage by stage, in a fresh process like the CLI's:
// loading the compiler, then the same stages `build()` runs (src/build.ts). Prints one JSON
// line. Usage: node --import tsx bench/build/stage-profile.ts <manifest> <empty out dir>

export {};

const loadStarted = performance.now();
const { readProject } = await import('../../src/frontend.ts');
const { createEmitContext } = await import('../../src/emit/context.ts');
const { emitProject, emitters } = await import('../../src/emit/index.ts');
const { formatFiles } = await import('../../src/format/index.ts');
const { writeOutput } = await import('../../src/write/index.ts');
const loaded = performance.now();

const [manifest, outDir] = process.argv.slice(2);
if (manifest === undefined || outDir === undefined) throw new Error('usage: <manifest> <out dir>');

const project = await readProject(manifest, { outDir });
if (project.model === null) throw new Error(`the manifest has errors: ${manifest}`);
const read = performance.now();

const emitted = emitProject(createEmitContext(project.model, outDir, []), emitters);
const emittedAt = performance.now();

const formatted = await formatFiles(emitted);
const formattedAt = performance.now();

const written = writeOutput(outDir, formatted);
const writtenAt = performance.now();
if (written.report === null) throw new Error('the write stage refused');

const profile = {
  // From process start: Node itself, tsx, and the compiler's modules.
  startupMs: loaded,
  compilerLoadMs: loaded - loadStarted,
  readMs: read - loaded,
  emitMs: emittedAt - read,
  formatMs: formattedAt - emittedAt,
  writeMs: writtenAt - formattedAt,
  files: formatted.length,
};
process.stdout.write(`${JSON.stringify(profile)}\n`);
