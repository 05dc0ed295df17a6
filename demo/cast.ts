// The people of the demo: five members of Acme, one per role that matters to the recruitment
// manifest, and the owner of Globex, a second tenant that must hear nothing from Acme.

import type { AppClient, TestSocket, TestUser } from '../test/support/index.ts';
import { openSocket } from '../test/support/index.ts';

export interface Person {
  name: string;
  role: string;
  org: 'Acme' | 'Globex';
  user: TestUser;
  socket: TestSocket;
}

export type People = Record<string, Person>;

const ACME_MEMBERS: [name: string, role: string][] = [
  ['Rosa', 'recruiter'],
  ['Hank', 'hiring-manager'],
  ['Ivan', 'interviewer'],
  ['Mia', 'member'],
];

export interface Cast {
  people: People;
  acmeId: string;
  globexId: string;
}

/**
 * Signs everyone up with Better Auth, creates both organizations, adds Acme's members by
 * invitation with their roles, and opens each person's socket through a ws-ticket.
 */
export async function assembleCast(client: AppClient, baseUrl: string): Promise<Cast> {
  const olivia = await client.signUp('olivia');
  const acmeId = await client.createOrg(olivia.token, 'Acme');
  const users: [string, string, 'Acme' | 'Globex', TestUser][] = [
    ['Olivia', 'owner', 'Acme', olivia],
  ];

  for (const [name, role] of ACME_MEMBERS) {
    const user = await client.signUp(name.toLowerCase());
    await client.addMember(olivia.token, acmeId, user, role);
    await client.setActiveOrg(user.token, acmeId);
    users.push([name, role, 'Acme', user]);
  }

  const gary = await client.signUp('gary');
  const globexId = await client.createOrg(gary.token, 'Globex');
  users.push(['Gary', 'owner', 'Globex', gary]);

  const people: People = {};
  for (const [name, role, org, user] of users) {
    const socket = await openSocket(baseUrl, await client.mintTicket(user.token));
    people[name] = { name, role, org, user, socket };
  }
  return { people, acmeId, globexId };
}
