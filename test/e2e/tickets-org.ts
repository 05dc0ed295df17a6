// The recruitment organization the ticket tests share: one owner and members in each role,
// a user with two roles, someone in another organization, and someone in none.

import type { AppClient, TestUser } from '../support/index.ts';

export interface RecruitmentOrg {
  orgId: string;
  otherOrgId: string;
  alice: TestUser; // owner
  rita: TestUser; // recruiter
  hank: TestUser; // hiring-manager and interviewer
  ivan: TestUser; // interviewer
  irene: TestUser; // interviewer
  mia: TestUser; // member
  olga: TestUser; // owner of another organization
  nora: TestUser; // no organization
}

export async function setUpRecruitmentOrg(client: AppClient): Promise<RecruitmentOrg> {
  const names = ['alice', 'rita', 'hank', 'ivan', 'irene', 'mia', 'olga', 'nora'] as const;
  const users = await Promise.all(names.map((name) => client.signUp(name)));
  const [alice, rita, hank, ivan, irene, mia, olga, nora] = users as TestUser[] as [
    TestUser,
    TestUser,
    TestUser,
    TestUser,
    TestUser,
    TestUser,
    TestUser,
    TestUser,
  ];

  const orgId = await client.createOrg(alice.token, 'Acme Hiring');
  const otherOrgId = await client.createOrg(olga.token, 'Globex');

  // Accepting an invitation makes that organization the member's active one.
  await client.addMember(alice.token, orgId, rita, 'recruiter');
  await client.addMember(alice.token, orgId, hank, ['hiring-manager', 'interviewer']);
  await client.addMember(alice.token, orgId, ivan, 'interviewer');
  await client.addMember(alice.token, orgId, irene, 'interviewer');
  await client.addMember(alice.token, orgId, mia, 'member');

  return { orgId, otherOrgId, alice, rita, hank, ivan, irene, mia, olga, nora };
}
