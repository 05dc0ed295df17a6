// VS Code's own JSON language features, in process: the same vscode-json-languageservice
// that VS Code's built-in JSON extension runs, associating a manifest with its schema only
// through the manifest's own "$schema" property, as an editor does for quickback.json.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import jsonLanguageService from 'vscode-json-languageservice';
import type { CompletionItem, Diagnostic, Hover, Position } from 'vscode-json-languageservice';

const { ClientCapabilities, getLanguageService, TextDocument } = jsonLanguageService;

export class JsonEditor {
  /** Every schema address the service asked for, in order. */
  readonly requested: string[] = [];

  private readonly service = getLanguageService({
    schemaRequestService: (uri) => this.load(uri),
    workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
    // Markdown documentation, as VS Code asks for.
    clientCapabilities: ClientCapabilities.LATEST,
  });

  constructor() {
    // No schema associations: "$schema" in the document is the only link, as for a user.
    this.service.configure({ validate: true, allowComments: false, schemas: [] });
  }

  async diagnostics(uri: string, text: string): Promise<Diagnostic[]> {
    const { document, json } = this.parse(uri, text);
    return this.service.doValidation(document, json, { schemaValidation: 'error' });
  }

  async completion(uri: string, text: string, position: Position): Promise<CompletionItem[]> {
    const { document, json } = this.parse(uri, text);
    const list = await this.service.doComplete(document, position, json);
    return list?.items ?? [];
  }

  async hover(uri: string, text: string, position: Position): Promise<Hover | null> {
    const { document, json } = this.parse(uri, text);
    return this.service.doHover(document, position, json);
  }

  private parse(uri: string, text: string) {
    const document = TextDocument.create(uri, 'json', 1, text);
    return { document, json: this.service.parseJSONDocument(document) };
  }

  private async load(uri: string): Promise<string> {
    this.requested.push(uri);
    // Tests never touch the network; a remote schema address is a failure to report.
    if (!uri.startsWith('file:')) throw new Error(`refusing to fetch ${uri}`);
    return readFile(fileURLToPath(uri), 'utf8');
  }
}
