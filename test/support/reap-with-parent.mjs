// Runs a command and ends it, with everything it started, when the test process that asked
// for it is gone. Started as the leader of its own process group:
//   node reap-with-parent.mjs <parent pid> <command> [args...]
// A test run that dies in the middle (a hook timeout, a killed worker) then leaves no server
// behind: within a second this process notices and kills its whole group.

import { spawn } from 'node:child_process';

const [parentArg, command, ...args] = process.argv.slice(2);
const parent = Number(parentArg);

const child = spawn(command, args, { stdio: 'inherit' });

function parentAlive() {
  try {
    process.kill(parent, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup() {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
}

const watch = setInterval(() => {
  if (!parentAlive()) killGroup();
}, 500);

child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exitCode = code ?? (signal ? 1 : 0);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
