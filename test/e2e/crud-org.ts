// The cast of the CRUD e2e tests: one organization with a member per role of the recruitment
// example, each holding an open socket on the organization's lane, plus a second organization
// with its own socket to prove nothing crosses tenants.

import {
  openSocket,
  type AppClient,
  type RunningProject,
  type TestSocket,
  type TestUser,
} from '../support/index.ts';

export const ROLES = ['owner', 'recruiter', 'hiring-manager', 'interviewer', 'member'] as const;

export interface Member {
  name: string;
  user: TestUser;
  socket: TestSocket;
}

export interface Cast {
  client: AppClient;
  orgId: string;
  /** By name: owner, recruiter, hiringManager, interviewer, interviewer2, member. */
  people: Record<string, Member>;
  /** The owner of the other organization, with a socket there. */
  outsider: Member;
  outsiderOrgId: string;
  /** Every socket, both organizations. */
  sockets(): TestSocket[];
  close(): Promise<void>;
}

const MEMBERS: [string, string][] = [
  ['recruiter', 'recruiter'],
  ['hiringManager', 'hiring-manager'],
  ['interviewer', 'interviewer'],
  ['interviewer2', 'interviewer'],
  ['member', 'member'],
];

export async function createCast(app: RunningProject): Promise<Cast> {
  const { client } = app;
  const owner = await client.signUp('owner');
  const orgId = await client.createOrg(owner.token, 'Acme');
  const users: Record<string, TestUser> = { owner };

  for (const [name, role] of MEMBERS) {
    const user = await client.signUp(name.toLowerCase());
    await client.addMember(owner.token, orgId, user, role);
    await client.setActiveOrg(user.token, orgId);
    users[name] = user;
  }

  const outsiderUser = await client.signUp('outsider');
  const outsiderOrgId = await client.createOrg(outsiderUser.token, 'Other');

  const connect = async (name: string, user: TestUser): Promise<Member> => {
    const socket = await openSocket(app.server.url, await client.mintTicket(user.token));
    return { name, user, socket };
  };
  const people: Record<string, Member> = {};
  for (const [name, user] of Object.entries(users)) people[name] = await connect(name, user);
  const outsider = await connect('outsider', outsiderUser);

  const sockets = () => [...Object.values(people), outsider].map((member) => member.socket);
  return {
    client,
    orgId,
    people,
    outsider,
    outsiderOrgId,
    sockets,
    close: async () => {
      await Promise.all(sockets().map((socket) => socket.close()));
    },
  };
}
