// Type-checks generated code with the TypeScript API, the way a user's project would:
// strict, bundler resolution, Cloudflare's Workers types and no DOM.

import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

export const GENERATED_PROJECT_OPTIONS = {
  target: 'ES2022',
  module: 'ES2022',
  moduleResolution: 'bundler',
  lib: ['ES2022'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['@cloudflare/workers-types'],
} as const;

/** Writes `tsconfig.json` (strict, bundler, workers-types) covering `src/` of the project. */
export function writeTsconfig(dir: string): string {
  const file = path.join(dir, 'tsconfig.json');
  const config = { compilerOptions: GENERATED_PROJECT_OPTIONS, include: ['src'] };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

/** Compiles the project described by a tsconfig file; returns its diagnostics as text. */
export function typecheckProject(tsconfigPath: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfigPath}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return describe([...parsed.errors, ...ts.getPreEmitDiagnostics(program)]);
}

/** The generated-project options as compiler options, for programs built without a file. */
export function compilerOptions(): ts.CompilerOptions {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    GENERATED_PROJECT_OPTIONS,
    process.cwd(),
  );
  if (errors.length > 0) throw new Error(describe(errors).join('\n'));
  return options;
}

export interface Located {
  file: string;
  /** 1-based. */
  line: number;
  text: string;
}

export function locate(diagnostics: readonly ts.Diagnostic[]): Located[] {
  return diagnostics.map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      return { file: '', line: 0, text };
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return { file: diagnostic.file.fileName, line: line + 1, text };
  });
}

export function describe(diagnostics: readonly ts.Diagnostic[]): string[] {
  return locate(diagnostics).map((d) => `${d.file}:${d.line}: ${d.text}`);
}
