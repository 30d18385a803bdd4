// Runs before every .ts entry point (package.json scripts): an older Node cannot even load those files and
// would die with ERR_UNKNOWN_FILE_EXTENSION. Plain old JavaScript on purpose, so any Node can run it.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const wanted = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).engines.node; // ">=22.18.0"
const need = wanted.replace(/^>=/, '').split('.').map(Number);
const have = process.versions.node.split('.').map(Number);
const older = have[0] !== need[0] ? have[0] < need[0] : have[1] !== need[1] ? have[1] < need[1] : have[2] < need[2];
if (older) {
	console.error(
		'This project needs Node.js ' +
			need.join('.') +
			' or newer (24 LTS recommended); this is ' +
			process.version +
			'. Get it from https://nodejs.org/ or with a version manager (nvm install 24, fnm install 24, volta install node@24).'
	);
	process.exit(1);
}
