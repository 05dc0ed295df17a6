#!/usr/bin/env node
// `npm run bench`: the benchmarks are TypeScript under bench/; tsx compiles them on the fly, as
// bin/quickback.js does for the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
