// Turns what each socket received into the demo's printed account, and checks it against the
// steps: every entitled person got each event exactly once, and nobody got anything else.

import type { Person } from './cast.ts';
import { CANDIDATE, type Step } from './scenario.ts';

export interface Delivery {
  step: number;
  message: any;
}

export interface PersonReport {
  person: Person;
  deliveries: Delivery[];
  problems: string[];
}

/** Matches each received message to the step that produced it, and lists every mismatch. */
export function checkPerson(
  person: Person,
  received: any[],
  steps: Step[],
  matchers: ((message: any) => boolean)[],
): PersonReport {
  const problems: string[] = [];
  const deliveries: Delivery[] = [];

  for (const message of received) {
    const step = matchers.findIndex((matches) => matches(message));
    if (step === -1) problems.push(`unexpected message ${JSON.stringify(message)}`);
    else deliveries.push({ step, message });
  }

  for (const delivery of deliveries) {
    problems.push(...checkMasking(person.name, steps[delivery.step]!, delivery.message));
  }

  steps.forEach((step, index) => {
    const count = deliveries.filter((delivery) => delivery.step === index).length;
    const expected = step.recipients.includes(person.name) ? 1 : 0;
    if (count !== expected) {
      problems.push(`"${step.title}": expected ${expected} event(s), received ${count}`);
    }
  });
  return { person, deliveries, problems };
}

/** Each candidate field arrives masked exactly when the step says it must, for this person. */
function checkMasking(name: string, step: Step, message: any): string[] {
  const expected = step.masked?.[name];
  if (!expected) return [];

  const record = message.new ?? {};
  return Object.entries(CANDIDATE).flatMap(([field, value]) => {
    const masked = record[field] !== value;
    if (masked === expected.includes(field)) return [];
    return [`${field} arrived ${masked ? 'masked' : 'in clear'} in "${step.title}"`];
  });
}

const SHOWN_FIELDS = ['title', 'name', 'email', 'phone', 'ssn', 'resumeUrl', 'stage'];

function describeValue(field: string, value: unknown): string {
  const original = (CANDIDATE as Record<string, unknown>)[field];
  const masked = original !== undefined && value !== original;
  return `${field}=${JSON.stringify(value)}${masked ? ' (masked)' : ''}`;
}

function describeRecord(record: Record<string, unknown> | null): string {
  if (!record) return 'null';
  const fields = SHOWN_FIELDS.filter((field) => field in record);
  const keys = Object.keys(record).length;
  const shown = fields.map((field) => describeValue(field, record[field]));
  return `{${shown.join(', ')}${keys > fields.length ? ', ...' : ''}}`;
}

export function describeMessage(message: any): string {
  if (message.type === 'broadcast') {
    return `broadcast ${message.event} ${JSON.stringify(message.payload)}`;
  }
  const side = message.eventType === 'DELETE' ? message.old : message.new;
  const old = message.eventType === 'UPDATE' ? ` old=${describeRecord(message.old)}` : '';
  return `${message.eventType} ${message.table} ${describeRecord(side)}${old}`;
}

export function printReports(reports: PersonReport[], print: (line: string) => void): void {
  for (const { person, deliveries, problems } of reports) {
    const count = deliveries.length;
    print(`${person.name} (${person.role}, ${person.org}) received ${count} event(s):`);
    if (count === 0) print('    nothing');
    for (const delivery of deliveries) print(`    ${describeMessage(delivery.message)}`);
    for (const problem of problems) print(`    PROBLEM: ${problem}`);
    print('');
  }
}
