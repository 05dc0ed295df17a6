// Emits `src/lib/realtime.ts`: the typed `createRealtime(env)` helper for this manifest.

import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { generatedHeader, importNamed, printModule } from '../ast/index.ts';
import { tableConfigsStatement } from './config.ts';
import { factoryStatements, realtimeEnv } from './factory.ts';
import { planHelper } from './names.ts';
import { eventsInterface } from './namespaces.ts';
import { optionStatements, roleType } from './options.ts';
import { recordStatements } from './records.ts';

export const REALTIME_HELPER_PATH = 'src/lib/realtime.ts';

export const emitRealtimeHelper: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  const plan = planHelper(model);

  const imports = [
    importNamed(['createRealtimeCore'], './realtime/publish'),
    importNamed(['RealtimeLogger'], './realtime/publish', true),
    importNamed(
      ['MaskType', 'PublishOptions', 'TableRuntimeConfig', 'Target'],
      './realtime/types',
      true,
    ),
  ];

  const contents = printModule(generatedHeader(model.manifestPath, 'ts'), [
    ...imports,
    roleType(model),
    ...recordStatements(plan.tables),
    ...optionStatements(),
    ...plan.namespaces.map(eventsInterface),
    realtimeEnv(),
    tableConfigsStatement(plan.tables),
    ...factoryStatements(plan.namespaces),
  ]);

  return [{ path: REALTIME_HELPER_PATH, contents, kind: 'ts', generated: true }];
};
