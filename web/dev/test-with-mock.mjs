#!/usr/bin/env node
// DEV ONLY: builds web/dist, serves it with `vite preview --mode mock` (the
// in-memory mock API of dev/mock-api.ts) on a free port, and runs `npm test`
// against it with the mock's demo accounts. The real end-to-end run points
// SW_BASE_URL (and SW_TEST_ACCOUNTS) at the C server instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const roles = ['werknemer', 'werkgever', 'bedrijfsarts', 'arbeidsdeskundige', 're-integratieprofessional', 'netwerkwerkgever'];
const email = { werknemer: 'werknemer', werkgever: 'werkgever', bedrijfsarts: 'bedrijfsarts', arbeidsdeskundige: 'arbeidsdeskundige', 're-integratieprofessional': 'reintegratie', netwerkwerkgever: 'netwerkwerkgever' };
const accounts = Object.fromEntries(roles.map((r) => [r, { email: `${email[r]}@spoorwijzer.test`, password: 'spoorwijzer' }]));

if (!process.argv.includes('--no-build')) await build({ root, mode: 'production', logLevel: 'warn' });
const server = await preview({ root, mode: 'mock', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
const addr = server.httpServer.address();
const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 4173}`;
console.log(`# mock server at ${url}`);

const extra = process.argv.slice(2).filter((a) => a !== '--no-build');
const child = spawn(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...(extra.length ? extra : ['tests/'])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SW_BASE_URL: url, SW_TEST_ACCOUNTS: JSON.stringify(accounts) },
});
const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
await server.close();
process.exit(code);
