#!/bin/sh
# Browser tests of the portal against the real server: `npm test` in web/
# (node:test, TAP on stdout) with the seeded demo accounts, through serve.sh
# (fresh seeded database, server on a free port, stopped afterwards). Exits
# with npm's status. Needs Node >= 20.19, npm and /usr/bin/chromium (or
# SW_CHROMIUM).
exec sh "$(dirname "$0")/serve.sh" sh -c 'cd web && npm test --silent'
