// What the demo does, and who must hear about each step. Every step names the people entitled
// to its event under the recruitment manifest; nobody else may receive it.

import type { AppClient } from '../test/support/index.ts';
import type { Cast, People } from './cast.ts';

export interface Step {
  /** What a reader sees, e.g. "Rosa creates candidate Jane Doe". */
  title: string;
  /** Why these people and not others, in one line. */
  rule: string;
  /** Runs the step; returns the predicate matching its event on a socket. */
  run(): Promise<(message: any) => boolean>;
  /** Names of the people who must receive the event, once each. */
  recipients: string[];
  /** Per recipient, the candidate fields that must arrive masked (all others in clear). */
  masked?: Record<string, string[]>;
}

const ACME_PIPELINE = ['Olivia', 'Rosa', 'Hank'];
const ACME_CANDIDATE_READERS = ['Olivia', 'Rosa', 'Hank', 'Ivan'];
const ACME_EVERYONE = ['Olivia', 'Rosa', 'Hank', 'Ivan', 'Mia'];

const change = (table: string, eventType: string, id: () => string) => (m: any) =>
  m?.type === 'postgres_changes' &&
  m.table === table &&
  m.eventType === eventType &&
  (m.new ?? m.old)?.id === id();

async function call(
  client: AppClient,
  people: People,
  who: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const reply = await client.request(method, path, { token: people[who]!.user.token, body });
  if (reply.status >= 300) {
    throw new Error(
      `${who}: ${method} ${path} answered ${reply.status} ${JSON.stringify(reply.body)}`,
    );
  }
  return reply.body;
}

export const CANDIDATE = {
  name: 'Jane Doe',
  email: 'jane.doe@yahoo.com',
  phone: '+1 555 010 4567',
  ssn: '123-45-6789',
  resumeUrl: 'https://files.example/jane-doe.pdf',
};

export function demoSteps(client: AppClient, cast: Cast): Step[] {
  const { people } = cast;
  const as = (who: string, method: string, path: string, body?: unknown) =>
    call(client, people, who, method, path, body);
  const ids = { candidate: '', application: '', job: '', globexJob: '' };

  return [
    {
      title: 'Rosa (recruiter) adds candidate Jane Doe',
      rule: 'candidates reach owner, admin, recruiter, hiring-manager, interviewer; PII masked',
      recipients: ACME_CANDIDATE_READERS,
      // Rosa created the record, so `or: owner` shows her what her role alone would not.
      masked: {
        Olivia: [],
        Rosa: ['ssn'],
        Hank: ['ssn'],
        Ivan: ['email', 'phone', 'ssn', 'resumeUrl'],
      },
      run: async () => {
        ids.candidate = (await as('Rosa', 'POST', '/api/v1/candidates', CANDIDATE)).data.id;
        return change('candidates', 'INSERT', () => ids.candidate);
      },
    },
    {
      title: 'Hank (hiring-manager) opens an application for Jane',
      rule: 'applications reach owner, admin, recruiter, hiring-manager; only `fields` are sent',
      recipients: ACME_PIPELINE,
      run: async () => {
        const body = { candidateId: ids.candidate, jobId: 'job-platform', stage: 'applied' };
        ids.application = (await as('Hank', 'POST', '/api/v1/applications', body)).data.id;
        return change('applications', 'INSERT', () => ids.application);
      },
    },
    {
      title: 'Rosa moves the application to screening',
      rule: 'an UPDATE carries new and old, to the same roles',
      recipients: ACME_PIPELINE,
      run: async () => {
        const path = `/api/v1/applications/${ids.application}`;
        await as('Rosa', 'PATCH', path, { stage: 'screening' });
        return change('applications', 'UPDATE', () => ids.application);
      },
    },
    {
      title: 'Rosa starts screening (custom route -> realtime.screening.started)',
      rule: 'a namespace event with no role filter reaches every Acme member',
      recipients: ACME_EVERYONE,
      run: async () => {
        await as('Rosa', 'POST', `/api/v1/screening/${ids.application}/start`);
        return (m: any) =>
          m?.type === 'broadcast' &&
          m.event === 'screening:started' &&
          m.payload?.applicationId === ids.application;
      },
    },
    {
      title: 'Olivia (owner) posts a job',
      rule: 'jobs have no role filter: every Acme member',
      recipients: ACME_EVERYONE,
      run: async () => {
        const body = { title: 'Platform engineer', openings: 2, remote: true };
        ids.job = (await as('Olivia', 'POST', '/api/v1/jobs', body)).data.id;
        return change('jobs', 'INSERT', () => ids.job);
      },
    },
    {
      title: 'Hank withdraws the application',
      rule: "a DELETE reaches only the table's requiredRoles",
      recipients: ACME_PIPELINE,
      run: async () => {
        await as('Hank', 'DELETE', `/api/v1/applications/${ids.application}`);
        return change('applications', 'DELETE', () => ids.application);
      },
    },
    {
      title: 'Gary (Globex owner) posts a job in his own organization',
      rule: "another tenant's lane: only Globex hears it",
      recipients: ['Gary'],
      run: async () => {
        const body = { title: 'Globex analyst' };
        ids.globexJob = (await as('Gary', 'POST', '/api/v1/jobs', body)).data.id;
        return change('jobs', 'INSERT', () => ids.globexJob);
      },
    },
  ];
}

/** A last write in each organization; every socket's stream must end with it. */
export async function closingSentinel(client: AppClient, people: People) {
  const title = 'demo-finished';
  for (const who of ['Olivia', 'Gary']) {
    await call(client, people, who, 'POST', '/api/v1/jobs', { title });
  }
  return (m: any) => m?.table === 'jobs' && m.eventType === 'INSERT' && m.new?.title === title;
}
