#!/usr/bin/env node
// The package's `yearbook` bin (`npx yearbook …` from the repository root): loads the TypeScript CLI through
// tsx's loader, so there is no build step to remember, and runs it. npm prints nothing of its own here.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
await main(process.argv.slice(2));
