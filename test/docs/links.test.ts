import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The repository's own address: codex links to it point into README.md (its headings as anchors). */
const REPO_URL = 'https://github.com/n8n-nodes-myogo/n8n-nodes-myogo';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>(['readme']);
	const seen = new Map<string, number>();
	const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
	for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
		const slug = heading
			.replace(/`/g, '')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOfFile(file: string): Set<string> {
	if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(file, 'utf8')));
	return anchorCache.get(file)!;
}

/** Why a link from `fromFile` does not resolve, or undefined when it does. */
function brokenReason(link: string, fromFile: string): string | undefined {
	if (link.startsWith(`${REPO_URL}#`))
		return brokenReason(`README.md${link.slice(REPO_URL.length)}`, path.join(ROOT, 'x'));
	if (/^[a-z]+:/i.test(link)) return undefined; // other sites: no network here
	const [target, anchor] = link.split('#');
	const file = target === '' ? fromFile : path.resolve(path.dirname(fromFile), decodeURI(target));
	if (!existsSync(file)) return `no file ${path.relative(ROOT, file)}`;
	if (anchor !== undefined && file.endsWith('.md') && !anchorsOfFile(file).has(anchor)) {
		return `no heading #${anchor} in ${path.relative(ROOT, file)}`;
	}
	return undefined;
}

function markdownLinks(file: string): string[] {
	const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
	return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]);
}

function codexFiles(): string[] {
	const nodesDir = path.join(ROOT, 'nodes');
	return readdirSync(nodesDir).flatMap((dir) =>
		readdirSync(path.join(nodesDir, dir))
			.filter((name) => name.endsWith('.node.json'))
			.map((name) => path.join(nodesDir, dir, name)),
	);
}

describe('documentation links resolve', () => {
	it.each([
		'README.md',
		'CONTRIBUTING.md',
		'docs/architecture.md',
		'workflows/README.md',
		'sandbox/README.md',
		'docs/myogo-api.md',
	])('%s: every relative link and anchor', (file) => {
		const from = path.join(ROOT, file);
		const links = markdownLinks(from);
		expect(links.length).toBeGreaterThan(0);
		const broken = links
			.map((link) => [link, brokenReason(link, from)])
			.filter(([, reason]) => reason !== undefined);
		expect(broken).toEqual([]);
	});

	it('every codex file links to README headings that exist', () => {
		const files = codexFiles();
		expect(files.length).toBe(3);
		const broken: string[][] = [];
		for (const file of files) {
			const codex = JSON.parse(readFileSync(file, 'utf8'));
			const urls = Object.values(codex.resources ?? {}).flatMap((entries) =>
				(entries as Array<{ url: string }>).map((entry) => entry.url),
			);
			expect(urls.some((url) => url.startsWith(`${REPO_URL}#`))).toBe(true);
			for (const url of urls) {
				const reason = brokenReason(url, file);
				if (reason) broken.push([path.relative(ROOT, file), url, reason]);
			}
		}
		expect(broken).toEqual([]);
	});
});
