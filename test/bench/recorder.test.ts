// The fan-out recorder decides what counts as missing, duplicate, stray and cross-lane; these
// cases pin that logic with hand-made frames (no server, no timing assertions).

import { describe, expect, it } from 'vitest';

import { StepRecorder } from '../../bench/fanout/recorder.ts';

const frame = (id: string, extra = '') =>
  Buffer.from(`{"type":"postgres_changes","new":{"id":"${id}"${extra}},"old":null}`);

describe('StepRecorder', () => {
  it('counts each (socket, write) delivery once and the rest as duplicates', () => {
    const recorder = new StepRecorder('h3-', 2, 2);
    recorder.receive(0, frame('h3-0'), 1);
    recorder.receive(1, frame('h3-0'), 2);
    recorder.receive(1, frame('h3-0'), 3);
    recorder.receive(0, frame('h3-1'), 4);

    expect(recorder.delivered).toBe(3);
    expect(recorder.duplicates).toBe(1);
    expect(recorder.complete).toBe(false);
    expect(recorder.expected - recorder.delivered).toBe(1);
  });

  it('treats ids of other steps, unknown writes and other shapes as strays', () => {
    const recorder = new StepRecorder('h3-', 2, 1);
    for (const id of ['h2-0', 'h3-2', 'h3-x', 'h3-', 'b3-0']) recorder.receive(0, frame(id), 1);
    recorder.receive(0, Buffer.from('pong'), 1);

    expect(recorder.stray).toBe(6);
    expect(recorder.delivered).toBe(0);
  });

  it('counts anything a socket of the other lane receives as cross-lane', () => {
    const recorder = new StepRecorder('h3-', 1, 1);
    recorder.receive(-1, frame('h3-0'), 1);

    expect(recorder.crossLane).toBe(1);
    expect(recorder.delivered).toBe(0);
  });

  it('measures latency from the scheduled time and keeps distinct texts per write', () => {
    const recorder = new StepRecorder('c0-', 1, 3);
    recorder.scheduled[0] = 100;
    recorder.receive(0, frame('c0-0', ',"email":"j***@e******.com"'), 110);
    recorder.receive(1, frame('c0-0', ',"email":"jane@example.com"'), 130);
    recorder.receive(2, frame('c0-0', ',"email":"j***@e******.com"'), 160);

    expect(Array.from(recorder.latencies.subarray(0, recorder.delivered))).toEqual([10, 30, 60]);
    expect(recorder.distinctTexts[0]?.size).toBe(2);
    expect(recorder.complete).toBe(true);
    expect(recorder.lastReceipt).toBe(160);
  });
});
