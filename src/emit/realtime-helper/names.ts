// Which tables and namespaces the helper covers, in a fixed order, with their type names.

import type { NamespaceModel, ProjectModel, TableModel } from '../../model/types.ts';
import { NameAllocator, pascalCase } from '../ast/index.ts';

/** Names the generated file declares or imports itself; manifest names must not take them. */
const FIXED_NAMES = [
  'BroadcastOptions',
  'DeleteTable',
  'DurableObjectNamespace',
  'InsertTable',
  'MaskRule',
  'MaskType',
  'MaskingConfig',
  'Partial',
  'Pick',
  'Promise',
  'PublishOptions',
  'Realtime',
  'RealtimeEnv',
  'RealtimeLogger',
  'Record',
  'ReturnType',
  'Role',
  'SentRecords',
  'TableKeys',
  'TableOptions',
  'TableRuntimeConfig',
  'Tables',
  'Target',
  'UpdateTable',
];

export interface HelperTable {
  table: TableModel;
  /** Name of the full record interface, e.g. `ApplicationsRecord`. */
  recordType: string;
}

export interface HelperNamespace {
  namespace: NamespaceModel;
  /** Name of the event payload map, e.g. `ScreeningEvents`. */
  eventsType: string;
}

export interface HelperPlan {
  tables: HelperTable[];
  namespaces: HelperNamespace[];
}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Sorted by name so that reordering the manifest's maps changes no byte of output. */
export function planHelper(model: ProjectModel): HelperPlan {
  const names = new NameAllocator(FIXED_NAMES);
  const tables = model.tables
    .filter((table) => table.realtime.enabled)
    .sort(byName)
    .map((table) => ({ table, recordType: names.allocate(`${pascalCase(table.name)}Record`) }));
  const namespaces = [...model.namespaces].sort(byName).map((namespace) => ({
    namespace: { ...namespace, events: [...namespace.events].sort(byName) },
    eventsType: names.allocate(`${pascalCase(namespace.name)}Events`),
  }));
  return { tables, namespaces };
}
