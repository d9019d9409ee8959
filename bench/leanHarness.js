// Compiles the in-process n8n harness (test/harness/runNode.ts and the harness files it imports) to
// plain JavaScript in .data/bench-lean/, for bench/leanResync.js: a process that holds n8n-core,
// n8n-workflow, our compiled nodes and this harness, and not Jest, ts-jest or TypeScript.
// The harness imports our nodes and credential from source (../../nodes, ../../credentials); here those
// two folders are links to dist/, so the lean process runs what `npm run build` made, as n8n would.
const {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.data', 'bench-lean');
const ENTRY = path.join(ROOT, 'test', 'harness', 'runNode.ts');
/** Folders the harness may import outside itself: linked to their compiled copies in dist/. */
const FROM_DIST = ['nodes', 'credentials'];

/** Relative `import`s of a TypeScript file (type-only ones too; the compiler drops those). A lazy
 * `require` is not followed: packageNodes.ts requires its test-only node only when a test asks for it. */
function relativeImports(ts, source) {
	return ts
		.preProcessFile(source, true, false)
		.importedFiles.map((file) => file.fileName)
		.filter((name) => name.startsWith('.'));
}

/** The harness file an import names, or null when it points into one of the dist/ folders. */
function harnessFile(from, specifier) {
	const target = path.resolve(path.dirname(from), specifier);
	const top = path.relative(ROOT, target).split(path.sep)[0];
	if (FROM_DIST.includes(top)) return null;
	if (existsSync(`${target}.ts`)) return `${target}.ts`;
	throw new Error(
		`${path.relative(ROOT, from)} imports ${specifier}: not a harness file the lean benchmark can compile`,
	);
}

/** Compiles the harness into .data/bench-lean and returns the path of its compiled runNode.js. */
function buildLeanHarness() {
	const dist = path.join(ROOT, 'dist', 'nodes', 'MyOgo', 'MyOgo.node.js');
	if (!existsSync(dist))
		throw new Error('dist/ has no compiled myOGO node: run `npm run build` first');
	const ts = require('typescript');
	const config = ts.parseJsonConfigFileContent(
		ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config,
		ts.sys,
		ROOT,
	);
	rmSync(OUT, { recursive: true, force: true });
	const pending = [ENTRY];
	const done = new Set();
	while (pending.length > 0) {
		const file = pending.pop();
		if (done.has(file)) continue;
		done.add(file);
		const source = readFileSync(file, 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: config.options,
			fileName: file,
		});
		const out = path.join(OUT, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
		mkdirSync(path.dirname(out), { recursive: true });
		writeFileSync(out, outputText);
		for (const specifier of relativeImports(ts, source)) {
			const next = harnessFile(file, specifier);
			if (next) pending.push(next);
		}
	}
	for (const folder of FROM_DIST)
		symlinkSync(path.join(ROOT, 'dist', folder), path.join(OUT, folder), 'dir');
	return path.join(OUT, 'test', 'harness', 'runNode.js');
}

module.exports = { buildLeanHarness };
