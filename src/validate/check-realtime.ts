// Reference checks for relationship tickets and event namespaces.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import { pathLabel } from '../diagnostics/path.ts';
import type { Manifest, Table, WsTicket } from '../manifest-types.ts';
import { columnDefinitions, entries } from '../model/manifest-access.ts';
import { suggest } from './suggest.ts';

// Namespaces become properties of the helper object beside its own methods.
const HELPER_METHODS = ['insert', 'update', 'delete', 'broadcast', 'disconnect'];
const PROTO_REASON = 'generated code uses it as an object key, where it means the prototype';

export function checkRealtime(manifest: Manifest, reporter: DocumentReporter): void {
  const tables = new Map(entries(manifest.tables));
  const realtime = manifest.providers?.database?.realtime;
  if (typeof realtime === 'object' && realtime.wsTicket) {
    checkWsTicket(realtime.wsTicket, tables, reporter);
  }

  checkNamespaces(manifest, reporter);
}

function checkWsTicket(
  ticket: WsTicket,
  tables: Map<string, Table>,
  reporter: DocumentReporter,
): void {
  const base = ['providers', 'database', 'realtime', 'wsTicket'];
  const tableNames = [...tables.keys()];

  const scopePath = [...base, 'scopeTable'];
  const scope = tables.get(ticket.scopeTable);
  if (!scope) {
    const suggestion = suggest(ticket.scopeTable, tableNames);
    const params = { at: pathLabel(scopePath), name: ticket.scopeTable, suggestion };
    reporter.at('QB024', params, scopePath);
  } else if (!(scope.firewall ?? []).some((rule) => rule.equals === 'ctx.activeOrgId')) {
    // The ticket route finds the resource's organization through this firewall column.
    reporter.at('QB051', { table: ticket.scopeTable }, scopePath);
  }

  const relationPath = [...base, 'relation'];
  const relation = tables.get(ticket.relation.table);
  if (!relation) {
    const suggestion = suggest(ticket.relation.table, tableNames);
    const path = [...relationPath, 'table'];
    reporter.at('QB024', { at: pathLabel(path), name: ticket.relation.table, suggestion }, path);
    return;
  }

  const columns = new Map(columnDefinitions(relation));
  const table = ticket.relation.table;
  for (const key of ['resourceField', 'userField', 'roleField'] as const) {
    const name = ticket.relation[key];
    if (columns.has(name)) continue;
    const path = [...relationPath, key];
    const suggestion = suggest(name, columns.keys());
    reporter.at('QB025', { at: pathLabel(path), name, table, suggestion }, path);
  }

  const userColumn = columns.get(ticket.relation.userField);
  if (userColumn && userColumn.type !== 'text') {
    const path = [...relationPath, 'userField'];
    reporter.at(
      'QB031',
      { at: pathLabel(path), column: ticket.relation.userField, type: userColumn.type },
      path,
    );
  }

  // When the role column lists its values, the ticket's role must be one of them.
  const allowed = columns.get(ticket.relation.roleField)?.enum;
  if (allowed && !allowed.includes(ticket.role)) {
    const suggestion = suggest(ticket.role, allowed);
    const params = { role: ticket.role, column: ticket.relation.roleField, allowed, suggestion };
    reporter.at('QB037', params, [...base, 'role']);
  }
}

function checkNamespaces(manifest: Manifest, reporter: DocumentReporter): void {
  for (const [name, namespace] of entries(manifest.realtime?.namespaces)) {
    const path = ['realtime', 'namespaces', name];

    if (HELPER_METHODS.includes(name) || name === 'constructor') {
      const reason = `the realtime helper already has a method called \`${name}\``;
      reporter.at('QB029', { kind: 'namespace', name, reason }, path, 'key');
    } else if (name === '__proto__') {
      reporter.at('QB029', { kind: 'namespace', name, reason: PROTO_REASON }, path, 'key');
    }

    if (Array.isArray(namespace.events)) {
      namespace.events.forEach((event, index) => {
        if (event !== '__proto__') return;
        const eventPath = [...path, 'events', index];
        reporter.at('QB029', { kind: 'event', name: event, reason: PROTO_REASON }, eventPath);
      });
      continue;
    }

    for (const [event, definition] of entries(namespace.events)) {
      const eventPath = [...path, 'events', event];
      if (event === '__proto__') {
        reporter.at(
          'QB029',
          { kind: 'event', name: event, reason: PROTO_REASON },
          eventPath,
          'key',
        );
      }
      for (const [field] of entries(definition?.payload ?? {})) {
        if (field !== '__proto__') continue;
        const fieldPath = [...eventPath, 'payload', field];
        reporter.at(
          'QB029',
          { kind: 'payload field', name: field, reason: PROTO_REASON },
          fieldPath,
          'key',
        );
      }
    }
  }
}
