// Open-loop writes: write i is due at start + i / rate, whether or not earlier writes have
// been answered, so a slow server shows up as latency instead of slowing the load down.
// Latency is measured from the scheduled time, so the load generator's own lateness counts
// against the system under test rather than hiding.

import type { StepRecorder } from './recorder.ts';

export interface WritePath {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** Builds the request body of write `seq` of a step whose record ids start with prefix. */
  body(prefix: string, seq: number): string;
  /** Whether the system accepted the write (and so owes every socket a delivery). */
  accepted(answer: WriteAnswer): boolean;
}

export interface WriteAnswer {
  status: number;
  /** Parsed JSON, or null. */
  body: unknown;
}

const REQUEST_TIMEOUT_MS = 60_000;
const START_DELAY_MS = 20;

async function send(path: WritePath, body: string): Promise<WriteAnswer> {
  try {
    const response = await fetch(path.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...path.headers },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fires every write on schedule and resolves with every answer, in write order. */
export async function openLoop(
  path: WritePath,
  rate: number,
  recorder: StepRecorder,
): Promise<WriteAnswer[]> {
  const bodies = Array.from({ length: recorder.writes }, (_, seq) =>
    path.body(recorder.prefix, seq),
  );
  const start = performance.now() + START_DELAY_MS;
  for (let seq = 0; seq < recorder.writes; seq++)
    recorder.scheduled[seq] = start + (seq * 1000) / rate;

  const answers: Promise<WriteAnswer>[] = [];
  let next = 0;
  while (next < recorder.writes) {
    const now = performance.now();
    while (next < recorder.writes && recorder.scheduled[next]! <= now) {
      answers.push(send(path, bodies[next++] as string));
    }
    if (next < recorder.writes)
      await sleep(Math.max(0, recorder.scheduled[next]! - performance.now()));
  }
  return Promise.all(answers);
}

/** Waits until every expected delivery arrived, or timeoutMs passed; then a short quiet time. */
export async function drain(recorder: StepRecorder, timeoutMs: number, quietMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!recorder.complete && performance.now() < deadline) await sleep(10);

  // Anything arriving now is a duplicate or a cross-lane delivery; give it a chance to show.
  await sleep(quietMs);
}
