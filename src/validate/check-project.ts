// Project-level checks: the compatibility date and a custom auth module.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { DocumentReporter } from '../diagnostics/sink.ts';
import type { Manifest } from '../manifest-types.ts';

export function checkProject(manifest: Manifest, reporter: DocumentReporter): void {
  const date = manifest.compatibilityDate;
  if (date !== undefined && !isCalendarDate(date)) {
    reporter.at('QB036', { value: date }, ['compatibilityDate']);
  }

  checkAuth(manifest, reporter);
}

function isCalendarDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}

function checkAuth(manifest: Manifest, reporter: DocumentReporter): void {
  const auth = manifest.auth;
  if (!auth) return;

  const provider = auth.provider ?? 'better-auth';
  if (provider !== 'custom') {
    const key = auth.module !== undefined ? 'module' : auth.export !== undefined ? 'export' : null;
    if (key !== null) reporter.at('QB034', { provider }, ['auth', key], 'key');
    return;
  }

  const module = auth.module ?? '';
  const resolved = resolve(dirname(reporter.source.absolutePath), module);
  if (!existsSync(resolved)) reporter.at('QB035', { module }, ['auth', 'module']);
}
