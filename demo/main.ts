// `npm run demo`: the recruitment example, built, installed and served under `wrangler dev`,
// with six people in two organizations watching live events. Exits 1 on any missing or
// unexpected delivery. `npm run demo -- --serve` keeps the server up afterwards.

import path from 'node:path';

import { AppClient, REPO_ROOT, startDevServer, type DevServer } from '../test/support/index.ts';
import { assembleCast } from './cast.ts';
import { setUpProject } from './project-setup.ts';
import { checkPerson, printReports } from './report.ts';
import { closingSentinel, demoSteps } from './scenario.ts';

const WORKING_DIR = path.join(REPO_ROOT, '.tmp', 'demo', 'recruitment');
const print = (line: string) => process.stdout.write(`${line}\n`);

async function runScenario(server: DevServer): Promise<boolean> {
  const client = new AppClient(server.url);
  print('Signing up Olivia, Rosa, Hank, Ivan, Mia (Acme) and Gary (Globex); opening sockets');
  const cast = await assembleCast(client, server.url);
  const steps = demoSteps(client, cast);

  print('');
  const matchers = [];
  for (const [index, step] of steps.entries()) {
    print(`${index + 1}. ${step.title}`);
    print(`   -> ${step.recipients.join(', ')}  (${step.rule})`);
    matchers.push(await step.run());
  }

  const finished = await closingSentinel(client, cast.people);
  const reports = [];
  for (const person of Object.values(cast.people)) {
    await person.socket.waitFor(finished, 10_000);
    const end = person.socket.messages.findIndex(finished);
    reports.push(checkPerson(person, person.socket.messages.slice(0, end), steps, matchers));
    await person.socket.close();
  }

  print('');
  printReports(reports, print);
  const failures = reports.reduce((sum, report) => sum + report.problems.length, 0);
  const delivered = reports.reduce((sum, report) => sum + report.deliveries.length, 0);
  const globex = reports.find((report) => report.person.org === 'Globex')!;
  const leaked = globex.deliveries.filter((d) => !steps[d.step]!.recipients.includes('Gary'));
  print(
    `Deliveries: ${delivered}; problems: ${failures}; Acme events seen by Globex: ${leaked.length}`,
  );
  return failures === 0;
}

function printConnectHelp(server: DevServer): void {
  print('');
  print(`The demo project is still running at ${server.url} (Ctrl-C stops it).`);
  print(`Its files: ${WORKING_DIR} (see QUICKBACK.md there).`);
  print('Sign up, then mint a ticket and open a socket, for example:');
  print(
    `  curl -si -X POST ${server.url}/api/auth/sign-up/email -H 'content-type: application/json' \\`,
  );
  print(
    `    -H 'origin: ${server.url}' -d '{"email":"me@example.test","password":"a-long-password","name":"Me"}'`,
  );
  print('  (the set-auth-token response header is your bearer token)');
  print(
    `  curl -s -X POST ${server.url}/broadcast/v1/ws-ticket -H 'authorization: Bearer <token>'`,
  );
  print(
    `  then connect a WebSocket to ${server.url.replace('http', 'ws')}/broadcast/v1/websocket?ws_ticket=<wsTicket>`,
  );
}

export async function main(argv: string[]): Promise<number> {
  const serve = argv.includes('--serve');
  print('Quickback demo: the recruitment example, live');
  const project = await setUpProject(WORKING_DIR, (line) => print(`  ${line}`));

  print('  wrangler d1 migrations apply --local, then wrangler dev on 127.0.0.1');
  const server = await startDevServer(project.dir);
  print(`  serving at ${server.url}`);
  print('');

  let ok = false;
  try {
    ok = await runScenario(server);
  } finally {
    if (!serve) await server.stop();
  }

  print(ok ? 'Demo passed: every event reached exactly its audience.' : 'Demo FAILED.');
  if (serve) {
    printConnectHelp(server);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
    await server.stop();
  }
  return ok ? 0 : 1;
}
