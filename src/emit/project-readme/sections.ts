// The sections of the generated QUICKBACK.md, one function each. Prose, not code: the text a
// team reads to install, run, migrate, deploy and connect a browser to the generated project.

import type { ProjectModel, TableModel } from '../../model/types.ts';
import { organizationRoles } from '../auth/roles.ts';
import { testedVersion } from './versions.ts';

const WIDTH = 92;

/** Words to wrap, keeping each `code span` whole so a wrap never splits one. */
function words(text: string): string[] {
  const result: string[] = [];
  let open = false;
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    if (open) result[result.length - 1] += ` ${word}`;
    else result.push(word);
    if ((word.split('`').length - 1) % 2 === 1) open = !open;
  }
  return result;
}

/** A paragraph wrapped at WIDTH columns, then a blank line. Empty sentences are skipped. */
export function para(...sentences: string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(sentences.filter((s) => s.length > 0).join(' '))) {
    if (line.length > 0 && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  return [...lines, line, ''];
}

const code = (lang: string, ...lines: string[]) => ['```' + lang, ...lines, '```', ''];

const betterAuth = (model: ProjectModel) => model.auth.provider === 'better-auth';

const pinned = (name: string) => `${name}@${testedVersion(name)}`;

export function installSection(model: ProjectModel): string[] {
  const dev = ['wrangler', '@cloudflare/workers-types', 'typescript'].map(pinned);
  return [
    '## Install',
    '',
    ...code(
      'sh',
      `npm install ${pinned('hono')} ${pinned('better-auth')}`,
      `npm install --save-dev ${dev.join(' ')}`,
    ),
    ...para(
      'These are the versions this quickback release was tested with.',
      'Better Auth brings Kysely, which `src/lib/server/d1-dialect.ts` uses to reach D1',
      '(Better Auth 1.4 has no native D1 adapter); with a strict package manager such as pnpm,',
      'add `kysely` too.',
      betterAuth(model)
        ? ''
        : 'This project uses its own auth module, so Better Auth never runs: it is only needed' +
            ' to type-check `src/lib/server/better-auth.ts`, which every build copies.',
    ),
  ];
}

export function secretSection(model: ProjectModel): string[] {
  return [
    '## Configure',
    '',
    ...para(
      '`BETTER_AUTH_SECRET` signs the WebSocket tickets',
      betterAuth(model) ? 'and Better Auth sessions.' : '.',
      'Without it every route that authenticates answers 500 with a message saying how to set',
      'it. For `wrangler dev`, put it in `.dev.vars` (and keep that file out of git):',
    ),
    ...code(
      'sh',
      'BETTER_AUTH_SECRET=<32 or more random characters: openssl rand -base64 32>',
      ...(betterAuth(model) ? ['BETTER_AUTH_URL=http://127.0.0.1:8787'] : []),
    ),
    ...(betterAuth(model)
      ? para(
          '`BETTER_AUTH_URL` is the public base URL of the Worker: Better Auth builds its links',
          'from it and accepts requests from its origin. `BETTER_AUTH_TRUSTED_ORIGINS`',
          '(comma-separated) adds the origins of browser apps served elsewhere.',
        )
      : []),
  ];
}

export function runSection(model: ProjectModel): string[] {
  const binding = model.database.binding;
  return [
    '## Migrate and run locally',
    '',
    ...code('sh', `npx wrangler d1 migrations apply ${binding} --local`, 'npx wrangler dev'),
    ...para(
      'Migrations live in `migrations/`.',
      betterAuth(model) ? '`0000_quickback_auth.sql` creates the Better Auth tables;' : '',
      'each build that changes a table appends a numbered file, and applied files are never',
      'rewritten.',
    ),
    ...para(
      'Offline, run `CLOUDFLARE_CF_FETCH_ENABLED=false npx wrangler dev`: otherwise wrangler',
      'tries to download the `Request.cf` sample from Cloudflare at start-up and prints an',
      '`ENOTFOUND` stack trace before falling back to a placeholder.',
    ),
  ];
}

export function deploySection(model: ProjectModel): string[] {
  const { binding, databaseName } = model.database;
  return [
    '## Deploy',
    '',
    ...code(
      'sh',
      `npx wrangler d1 create ${databaseName}   # once; put its id in the wrangler config`,
      'npx wrangler secret put BETTER_AUTH_SECRET',
      ...(betterAuth(model) ? ['npx wrangler secret put BETTER_AUTH_URL'] : []),
      `npx wrangler d1 migrations apply ${binding} --remote`,
      'npx wrangler deploy',
    ),
  ];
}

export function authSection(model: ProjectModel): string[] {
  if (model.auth.provider === 'custom') {
    return [
      '## Auth',
      '',
      ...para(
        `Sessions come from \`${model.auth.export}\` in \`${model.auth.module}\`, a function`,
        '`(request, env) => { userId, activeOrgId, roles } | null`. Returning `null` answers',
        '401; a value of another shape answers 500 naming the function.',
      ),
    ];
  }

  const roles = organizationRoles(model);
  return [
    '## Auth',
    '',
    ...para(
      'Better Auth serves `/api/auth/*`: email and password sign-in, organizations, and bearer',
      'tokens. A browser on the same origin uses its session cookie; scripts and apps send',
      '`Authorization: Bearer <token>` with the token from the `set-auth-token` header of the',
      'sign-in or sign-up response.',
    ),
    ...para(
      `Roles members can be given: ${roles.map((role) => `\`${role}\``).join(', ')}.`,
      roles.includes('owner') ? '' : 'Creators of an organization get `owner`.',
      'Better Auth refuses any other role (`Role not found`) when inviting, adding a member or',
      "changing a member's role. A member may hold several roles.",
    ),
  ];
}

function tableRoute(table: TableModel): string {
  const { create, update, delete: remove, batch } = table.crud;
  const writes = [create && 'create', update && 'update', remove && 'delete', batch && 'batch'];
  const ops = ['list', 'get', ...writes.filter((op): op is string => typeof op === 'string')];
  return `| \`/api/v1/${table.name}\` | ${ops.join(', ')} |`;
}

export function routesSection(model: ProjectModel): string[] {
  const tables = [...model.tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  const ticket = model.database.wsTicket;
  return [
    '## Routes',
    '',
    '| route | what it does |',
    '| --- | --- |',
    ...(betterAuth(model) ? ['| `/api/auth/*` | Better Auth |'] : []),
    '| `POST /broadcast/v1/ws-ticket` | a 60-second WebSocket ticket for the caller |',
    '| `GET /broadcast/v1/websocket?ws_ticket=...` | the WebSocket (one use per ticket) |',
    ...tables.map(tableRoute),
    '',
    ...(ticket
      ? para(
          `A ticket is for one \`${ticket.scopeTable}\` row: the body must carry`,
          `\`{ "${ticket.requestField}": "<id>" }\`, the row must belong to the caller's active`,
          `organization (else 404), and the caller must have the role \`${ticket.role}\` for it`,
          `in \`${ticket.relation.table}\` (else 403). The socket then receives what`,
          `\`realtime.broadcast(event, payload, { scopeKey: '${ticket.scopeTable}:' + id })\``,
          'sends.',
        )
      : para(
          "A ticket puts the socket in the lane of the caller's active organization, or in the",
          "caller's own user lane when no organization is active.",
        )),
    ...para(
      '`src/app.ts` builds the Hono app with these routes; `src/index.ts` exports it and',
      '`Broadcaster`. To add routes of your own, delete the first line of `src/index.ts` (the',
      'generated header) and add them to `app` there: builds then leave that file to you, keep',
      '`src/app.ts` in step with the manifest, and warn if the entry stops exporting',
      '`Broadcaster`. Only the generated CRUD routes broadcast by themselves: from your own',
      'handlers, queue consumers and cron jobs call `createRealtime(env)` from',
      '`src/lib/realtime.ts` after the write commits.',
    ),
  ];
}

export function clientSection(model: ProjectModel): string[] {
  const ticket = model.database.wsTicket;
  const body = ticket ? `JSON.stringify({ ${ticket.requestField}: id })` : 'undefined';
  return [
    '## Connect a browser',
    '',
    ...code(
      'ts',
      "const reply = await fetch('/broadcast/v1/ws-ticket', {",
      "  method: 'POST',",
      "  credentials: 'include', // or headers: { Authorization: `Bearer ${token}` }",
      "  headers: { 'Content-Type': 'application/json' },",
      `  body: ${body},`,
      '});',
      'const { wsTicket } = await reply.json();',
      'const url = new URL(`/broadcast/v1/websocket?ws_ticket=${wsTicket}`, location.href);',
      "url.protocol = url.protocol.replace('http', 'ws');",
      'const socket = new WebSocket(url);',
      'socket.onmessage = (message) => console.log(JSON.parse(message.data));',
    ),
    ...para(
      'A ticket works once and for 60 seconds (5 seconds of clock difference between machines',
      'are tolerated), so fetch a new one before every connect and reconnect. A refused upgrade',
      'is an HTTP 401 whose JSON `error` says why: `missing ticket`, `malformed ticket`,',
      '`bad signature`, `expired ticket`, `ticket not yet valid` or `ticket already used`.',
      'Send the text `ping` to keep a connection alive; the answer is `pong`. Close code 4001',
      'means the server disconnected you because your access changed: fetch a new ticket,',
      'which carries your new roles.',
      model.output.client ? '`src/client/realtime-client.ts` wraps all of this, typed.' : '',
    ),
  ];
}
