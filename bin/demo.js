#!/usr/bin/env node
// `npm run demo`: see demo/main.ts. tsx compiles the TypeScript on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../demo/main.ts');
process.exitCode = await main(process.argv.slice(2));
