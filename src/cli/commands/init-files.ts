// The files `quickback init` writes: a commented starter manifest, a copy of the schema the
// modeline points at, and editor settings that pick it up.

import { stringify } from 'yaml';

import { schemaText } from '../../validate/schema-file.ts';

export const SCHEMA_FILE = 'quickback.schema.json';

export interface StarterFile {
  path: string;
  contents: string;
}

export function starterFiles(projectName: string): StarterFile[] {
  const settings = { 'yaml.schemas': { [`./${SCHEMA_FILE}`]: ['quickback.yaml'] } };
  const extensions = { recommendations: ['redhat.vscode-yaml'] };

  return [
    { path: 'quickback.yaml', contents: starterManifest(projectName) },
    { path: SCHEMA_FILE, contents: schemaText() },
    { path: '.vscode/settings.json', contents: `${JSON.stringify(settings, null, 2)}\n` },
    { path: '.vscode/extensions.json', contents: `${JSON.stringify(extensions, null, 2)}\n` },
  ];
}

/** A Worker name from a folder name: lowercase, digits and dashes. */
export function projectNameFrom(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name === '' ? 'my-app' : name;
}

/**
 * The name as a YAML scalar that reads back as the same string: a folder called `123`,
 * `true` or `1e3` would otherwise become a number or a boolean and fail the schema.
 */
function yamlString(name: string): string {
  return stringify(name).trimEnd();
}

function starterManifest(name: string): string {
  return `# yaml-language-server: $schema=./${SCHEMA_FILE}
#
# Quickback manifest. \`quickback check\` validates it; \`quickback build\` generates the Worker.
# The modeline above gives editors completion and hover from ${SCHEMA_FILE}, which sits
# next to this file (refresh it with \`quickback schema --out ${SCHEMA_FILE}\`).

name: ${yamlString(name)}

# The organization roles your users can hold. Every role named below must be listed here.
roles: [owner, admin, member]

auth:
  provider: better-auth

providers:
  database:
    provider: cloudflare-d1
    binding: DB
    # true: every table sends change events unless it sets \`realtime: false\`.
    realtime: true

tables:
  items:
    columns:
      id: { type: text, primaryKey: true }
      title: { type: text, required: true }
      organizationId: { type: text, required: true }
      # The user who created a row; \`or: owner\` masking and ownership use it.
      createdBy: text
    # Each organization sees only its own rows.
    firewall:
      - { field: organizationId, equals: ctx.activeOrgId }
    realtime:
      requiredRoles: [owner, admin, member]

# Custom events beyond table changes: realtime.activity.started(payload, target).
realtime:
  namespaces:
    activity:
      description: What users are doing right now
      events: [started, finished]
`;
}
