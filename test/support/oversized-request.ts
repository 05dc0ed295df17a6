// Size limits tested without pushing megabytes into a socket. A server that refuses a body by
// its declared length answers before reading it and closes the connection; a client still
// writing then fails with ECONNRESET, sometimes before it has read the answer. So this sends
// only the head of the request (and a few bytes of body) and reads the early answer.

import http from 'node:http';

export interface DeclaredBody {
  method: string;
  path: string;
  /** The Content-Length to announce; only `prefix` is ever sent. */
  declaredBytes: number;
  headers?: Record<string, string>;
  prefix?: string;
}

export function sendDeclaredBody(
  baseUrl: string,
  request: DeclaredBody,
  timeoutMs = 10_000,
): Promise<{ status: number; body: any }> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: request.method,
      headers: { ...request.headers, 'content-length': String(request.declaredBytes) },
      timeout: timeoutMs,
    });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        req.destroy();
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          reject(new Error(`answer ${response.statusCode} is not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.write(request.prefix ?? '{');
  });
}
