#!/usr/bin/env node
// The CLI ships as one esbuild bundle (dist/cli.js); build it with `npm run build`.
'use strict';
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('daemonset: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(bundle).runFromProcess();
