// A minimal LSP client for yaml-language-server: one server process over stdio, the settings
// an editor user would have (validation, completion, hover on; the schema store off, so the
// server never reaches for the network), and the requests the editor tests need.

import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

import { NETWORK_MARKER, within } from './bounded.ts';

/** What a user sets in VS Code or any yaml-language-server client; `schemaStore` stays off. */
export const YAML_SETTINGS = {
  validate: true,
  completion: true,
  hover: true,
  schemaStore: { enable: false, url: '' },
  format: { enable: false },
  yamlVersion: '1.2',
};

const require = createRequire(import.meta.url);
const SERVER_BIN = require.resolve('yaml-language-server/bin/yaml-language-server');
const NO_NETWORK = fileURLToPath(new URL('./no-network.cjs', import.meta.url));

export class YamlServer {
  private stderrText = '';
  private readonly opened = new Set<string>();
  private readonly waiting = new Map<string, Waiter>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {}

  /**
   * Starts the server on a workspace folder and completes the initialize handshake, with
   * YAML_SETTINGS plus `extra` (such as the `yaml.schemas` map of a .vscode/settings.json).
   */
  static async start(rootDir: string, extra: Record<string, unknown> = {}): Promise<YamlServer> {
    const child = spawn(process.execPath, ['--require', NO_NETWORK, SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const server = new YamlServer(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => (server.stderrText += chunk.toString()));
    child.on('error', (error) => (server.stderrText += `\nspawn failed: ${error.message}\n`));

    try {
      await within(
        server.handshake(rootDir, { ...YAML_SETTINGS, ...extra }),
        20_000,
        'yaml-language-server initialize',
      );
    } catch (error) {
      // A server that never became ready must not outlive the test file.
      child.kill('SIGKILL');
      connection.dispose();
      throw new Error(`${(error as Error).message}\n${server.stderrText.slice(-2_000)}`);
    }
    return server;
  }

  /** Everything the server wrote to stderr, for failure messages. */
  get stderr(): string {
    return this.stderrText;
  }

  /** Whether the server tried to open a connection or resolve a host name. */
  get triedNetwork(): boolean {
    return this.stderrText.includes(NETWORK_MARKER);
  }

  /** Opens a document and resolves with the diagnostics the server publishes for it. */
  async open(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    if (this.opened.has(uri)) throw new Error(`${uri} is already open`);
    this.opened.add(uri);

    const published = new Promise<Diagnostic[]>((resolve, reject) => {
      this.waiting.set(uri, { resolve, reject });
    });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return within(published, 15_000, `diagnostics for ${uri}`);
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const request = this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    const result = await within(request, 15_000, `completion in ${uri}`);
    if (result === null) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    const request = this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    return within(request, 15_000, `hover in ${uri}`);
  }

  /** Shuts the server down politely, and kills it when it does not go within a bound. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });

    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await within(exited, 5_000, 'server exit');
    } catch {
      this.child.kill('SIGKILL');
      await within(exited, 5_000, 'server kill');
    } finally {
      this.connection.dispose();
    }
  }

  private async handshake(rootDir: string, settings: Record<string, unknown>): Promise<void> {
    const rootUri = pathToFileURL(rootDir).href;
    let configured!: () => void;
    const configurationPulled = new Promise<void>((resolve) => (configured = resolve));

    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      // The server asks once, right after `initialized`, and applies the answer before it
      // handles the next message, so documents opened after this see these settings.
      configured();
      return params.items.map((item) => (item.section === 'yaml' ? settings : {}));
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      // Each document is opened once, so its first publication is the answer to `open`.
      this.waiting.get(params.uri)?.resolve(params.diagnostics);
      this.waiting.delete(params.uri);
    });
    this.connection.onClose(() => this.rejectWaiting());
    this.connection.listen();

    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'editor-tests' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    });
    // The server pulls its settings (workspace/configuration) as soon as it is initialized.
    await this.connection.sendNotification(InitializedNotification.type, {});
    await configurationPulled;
  }

  private rejectWaiting(): void {
    const detail = this.stderrText.trim().slice(-2_000);
    for (const [uri, waiter] of this.waiting) {
      waiter.reject(new Error(`yaml-language-server closed before diagnosing ${uri}. ${detail}`));
    }
    this.waiting.clear();
  }
}

interface Waiter {
  resolve: (diagnostics: Diagnostic[]) => void;
  reject: (error: Error) => void;
}
