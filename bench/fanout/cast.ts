// Who holds the sockets: ten Better Auth users in one organization over three roles (one of
// them owns every record the bench writes, so about a tenth of the sockets see the owner's
// view), and two users in a second organization whose sockets must hear nothing.

import { AppClient, type TestUser } from '../../test/support/index.ts';

export type LaneId = 'A' | 'B';

export interface CastMember {
  user: TestUser;
  role: string;
  lane: LaneId;
  /** Index among the lane's members; sockets take members round-robin. */
  classId: number;
}

export interface Cast {
  client: AppClient;
  orgA: string;
  orgB: string;
  /** The record owner: an interviewer, so ownership changes what they see. */
  recordOwner: TestUser;
  laneA: CastMember[];
  laneB: CastMember[];
}

const LANE_A_ROLES = [
  'recruiter',
  'interviewer',
  'admin',
  'interviewer', // the record owner
  'recruiter',
  'interviewer',
  'admin',
  'recruiter',
  'interviewer',
  'admin',
];
const RECORD_OWNER = 3;

async function join(
  client: AppClient,
  ownerToken: string,
  orgId: string,
  label: string,
  role: string,
) {
  const user = await client.signUp(label);
  await client.addMember(ownerToken, orgId, user, role);
  await client.setActiveOrg(user.token, orgId);
  return user;
}

export async function createCast(url: string): Promise<Cast> {
  const client = new AppClient(url);

  // The organizations' creators hold the owner role; they invite and hold no lane-A socket.
  const founderA = await client.signUp('founder-a');
  const orgA = await client.createOrg(founderA.token, 'Bench A');
  const laneA: CastMember[] = [];
  for (const [classId, role] of LANE_A_ROLES.entries()) {
    const user = await join(client, founderA.token, orgA, `a${classId}-${role}`, role);
    laneA.push({ user, role, lane: 'A', classId });
  }

  const founderB = await client.signUp('founder-b');
  const orgB = await client.createOrg(founderB.token, 'Bench B');
  const recruiterB = await join(client, founderB.token, orgB, 'b1-recruiter', 'recruiter');
  const laneB: CastMember[] = [
    { user: founderB, role: 'owner', lane: 'B', classId: 0 },
    { user: recruiterB, role: 'recruiter', lane: 'B', classId: 1 },
  ];

  const recordOwner = (laneA[RECORD_OWNER] as CastMember).user;
  return { client, orgA, orgB, recordOwner, laneA, laneB };
}
