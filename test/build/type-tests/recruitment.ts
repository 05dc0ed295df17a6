// Type tests for the generated recruitment helper (generated-fixtures/recruitment). Each
// `@ts-expect-error` marks a call that must not compile; type-tests.test.ts checks that every
// marked line fails and every other line compiles. Not part of the repo's own tsconfig: it is
// compiled like a generated project (bundler resolution, Workers types).

import {
  createRealtime,
  tableConfigs,
  type MaskingConfig,
  type RealtimeEnv,
  type Role,
  type SentRecords,
} from '../../../generated-fixtures/recruitment/src/lib/realtime';

declare const env: RealtimeEnv;
const realtime = createRealtime(env);

export async function tables(orgId: string): Promise<void> {
  await realtime.insert(
    'applications',
    { id: 'app_1', candidateId: 'cnd_1', jobId: 'job_1', stage: 'applied' },
    orgId,
  );
  // @ts-expect-error `application` is not a table
  await realtime.insert('application', { id: 'app_1' }, orgId);
  await realtime.insert(
    'jobs',
    // @ts-expect-error `jobs` has no `salary` column (it is `salaryMax`)
    { id: 'job_1', title: 'Engineer', organizationId: 'o', salary: 1 },
    orgId,
  );
  await realtime.insert(
    'applications',
    // @ts-expect-error `applications` sends only its `fields`; `notes` is not among them
    { id: 'a', candidateId: 'c', jobId: 'j', stage: 'applied', notes: 'x' },
    orgId,
  );
  await realtime.insert(
    'applications',
    // @ts-expect-error `stage` is an enum, and `archived` is not one of its values
    { id: 'a', candidateId: 'c', jobId: 'j', stage: 'archived' },
    orgId,
  );
  // @ts-expect-error a required column (`title`) is missing
  await realtime.insert('jobs', { id: 'job_1', organizationId: 'o' }, orgId);
}

export async function updates(orgId: string): Promise<void> {
  await realtime.update(
    'applications',
    { id: 'app_1', stage: 'interview' },
    { id: 'app_1', stage: 'screening' },
    orgId,
  );
  // @ts-expect-error `notifications` has onUpdate: false, so update does not take it
  await realtime.update('notifications', { id: 'n_1' }, { id: 'n_1' }, orgId);
  // @ts-expect-error misspelt field `stge`
  await realtime.update('applications', { id: 'app_1', stge: 'offer' }, { id: 'app_1' }, orgId);
  // @ts-expect-error an update must carry the primary key
  await realtime.update('applications', { stage: 'offer' }, { id: 'app_1' }, orgId);
}

export async function deletes(orgId: string): Promise<void> {
  await realtime.delete('notifications', { id: 'n_1' }, { organizationId: orgId, userId: 'u_1' });
  // @ts-expect-error delete takes the primary key, named `id`
  await realtime.delete('applications', { applicationId: 'app_1' }, orgId);
}

export async function options(orgId: string): Promise<void> {
  await realtime.insert(
    'candidates',
    { id: 'c_1', name: 'Jane Doe', email: 'jane@example.com', organizationId: orgId },
    orgId,
    {
      userId: 'u_1',
      targetRoles: ['recruiter', 'hiring-manager'],
      maskingConfig: { email: { type: 'email', show: { roles: ['owner'], or: 'owner' } } },
    },
  );
  // @ts-expect-error `recruiters` is not in the role vocabulary
  await realtime.delete('jobs', { id: 'job_1' }, orgId, { targetRoles: ['recruiters'] });
  await realtime.delete('candidates', { id: 'c_1' }, orgId, {
    // @ts-expect-error masking keys are the table's columns; `mail` is not one
    maskingConfig: { mail: { type: 'email', show: {} } },
  });
  await realtime.delete('candidates', { id: 'c_1' }, orgId, {
    // @ts-expect-error `phonenumber` is not a mask type
    maskingConfig: { phone: { type: 'phonenumber', show: {} } },
  });
}

export async function namespaces(orgId: string): Promise<void> {
  await realtime.screening.started({ applicationId: 'app_1' }, orgId);
  await realtime.notifications['interview-reminder']({ at: '10:00' }, { userId: 'u_1' });
  await realtime.presence.joined({ userId: 'u_1', candidateId: 'c_1' }, { scopeKey: 'events:1' });
  // @ts-expect-error `screening` has no `paused` event
  await realtime.screening.paused({}, orgId);
  // @ts-expect-error event names are exact: `interview_reminder` is not `interview-reminder`
  await realtime.notifications.interview_reminder({}, orgId);
  // @ts-expect-error there is no `interviews` namespace
  await realtime.interviews.started({}, orgId);
  // @ts-expect-error typed payload: `candidateId` is required
  await realtime.presence.joined({ userId: 'u_1' }, orgId);
  // @ts-expect-error typed payload: `userId` is a string
  await realtime.presence.left({ userId: 7, candidateId: 'c_1' }, orgId);
}

export async function broadcasts(orgId: string): Promise<void> {
  await realtime.broadcast('screening-complete', { applicationId: 'app_1' }, orgId);
  await realtime.disconnect({ organizationId: orgId, userId: 'u_1' });
  // @ts-expect-error a target is required
  await realtime.broadcast('screening-complete', {});
  // @ts-expect-error disconnect needs the user
  await realtime.disconnect({ organizationId: orgId });
}

// The exported types are usable on their own.
export const sent: SentRecords['applications'] = {
  id: 'a',
  candidateId: 'c',
  jobId: 'j',
  stage: 'offer',
};
export const role: Role = 'interviewer';
export const masking: MaskingConfig<'candidates'> = {
  ssn: { type: 'ssn', show: { roles: ['owner'] } },
};
export const configured: readonly string[] = Object.keys(tableConfigs);
// @ts-expect-error `director` is not a role
export const badRole: Role = 'director';
