/**
 * `npm run screenshots` (this file, with the browser tier's Jest setup): every template in
 * workflows/ as the editor of `npm start` draws it (real n8n, headless Chromium, a 1920×1080
 * screen), canvas fitted, into docs/screenshots/template-<file>.png, and a close-up of one rules spot
 * into docs/screenshots/rules-spot.png. A tool, not a test tier: it checks only that each picture
 * shows the template's own nodes (so a stale or foreign editor cannot pass for ours).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

import { canvasNodes, expectVisible, launchChromium } from './chromium';
import { editorStack, type EditorStack } from './editorStack';
import { signIn } from './editorSession';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEMO_LOGIN } = require('../../tools/n8n/owner') as {
	DEMO_LOGIN: { email: string; password: string };
};

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const WORKFLOWS = path.join(REPO_ROOT, 'workflows');
/** The template whose rules spot the close-up shows, and a spot name prefix. */
const RULES_SPOT_TEMPLATE = process.env.RULES_SPOT_TEMPLATE ?? 'woocommerce-stock-from-myogo.json';
const RULES_SPOT_PREFIX = 'Your Rules';

interface TemplateFile {
	name: string;
	nodes: Array<{ name: string }>;
}

const FILES = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json'));

let stack: EditorStack;
let browser: Browser;
let page: Page;
let workflowIds: Map<string, string>;

function readTemplate(file: string): TemplateFile {
	return JSON.parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as TemplateFile;
}

/** The imported workflows' ids by name, read through n8n's REST API inside the signed-in page. */
async function importedWorkflows(): Promise<Map<string, string>> {
	const listed = await page.evaluate(async () => {
		const storage = (
			globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
		).localStorage;
		const answer = await fetch('/rest/workflows', {
			headers: { 'browser-id': storage.getItem('n8n-browserId') ?? '' },
		});
		return ((await answer.json()) as { data: Array<{ id: string; name: string }> }).data;
	});
	return new Map(listed.map((workflow) => [workflow.name, workflow.id]));
}

/** Opens a template's canvas and fits it to the screen, as the editor's "Zoom to fit" button does. */
async function openFitted(file: string): Promise<TemplateFile> {
	const template = readTemplate(file);
	const id = workflowIds.get(template.name);
	if (!id) throw new Error(`"${template.name}" (${file}) is not imported in ${stack.url}`);
	await page.goto(`${stack.url}/workflow/${id}`);
	await expectVisible(page.getByTestId('canvas-node'), `the nodes of ${file}`);
	await page.getByTestId('zoom-to-fit').click();
	// The fit is animated, and the canvas draws a node only once it is inside the view.
	const expected = template.nodes.map((node) => node.name).sort();
	let shown: string[] = [];
	for (let wait = 0; wait < 20; wait++) {
		await page.waitForTimeout(500);
		// While it draws, a node may briefly be there twice: compare the names, once each.
		shown = [...new Set((await canvasNodes(page)).map((node) => node.name))].sort();
		if (JSON.stringify(shown) === JSON.stringify(expected)) break;
	}
	expect([file, shown]).toEqual([file, expected]);
	return template;
}

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	stack = await editorStack();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await signIn(page, stack.url, DEMO_LOGIN);
	workflowIds = await importedWorkflows();
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

test.each(FILES)('%s: the whole canvas, fitted', async (file) => {
	await openFitted(file);
	const target = path.join(SCREENSHOTS, `template-${file.replace(/\.json$/, '')}.png`);
	await page.screenshot({ path: target });
	console.log(`wrote ${path.relative(REPO_ROOT, target)}`);
});

test('a rules spot, close up', async () => {
	const template = await openFitted(RULES_SPOT_TEMPLATE);
	const spot = template.nodes.find((node) => node.name.startsWith(RULES_SPOT_PREFIX));
	if (!spot) throw new Error(`${RULES_SPOT_TEMPLATE} has no "${RULES_SPOT_PREFIX} …" node`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${spot.name}"]`);
	// Zoom in around the spot (Ctrl + wheel zooms at the pointer), until it is drawn at full size.
	for (let step = 0; step < 12; step++) {
		const box = await node.boundingBox();
		if (!box || box.width >= 100) break;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.keyboard.down('Control');
		await page.mouse.wheel(0, -200);
		await page.keyboard.up('Control');
		await page.waitForTimeout(300);
	}
	const box = await node.boundingBox();
	if (!box) throw new Error(`"${spot.name}" is not drawn`);
	const width = 900;
	const height = 600;
	const clip = {
		x: Math.max(0, box.x + box.width / 2 - width / 2),
		y: Math.max(0, box.y + box.height / 2 - height / 2),
		width,
		height,
	};
	const target = path.join(SCREENSHOTS, 'rules-spot.png');
	await page.screenshot({ path: target, clip });
	console.log(`wrote ${path.relative(REPO_ROOT, target)} (${spot.name} in ${RULES_SPOT_TEMPLATE})`);
});

test('a health report item, in the output panel', async () => {
	// The demo stack's shop and myOGO differ in a few places (npm start seeds them apart): the
	// WooCommerce check, run from the editor, reports them on one item.
	const file = 'woocommerce-sync-health.json';
	await openFitted(file);
	await page.getByTestId('execute-workflow-button').first().click();
	const report = page.locator('[data-test-id="canvas-node"][data-node-name="Health Report"]');
	await expectVisible(report.locator('[data-test-id="canvas-node-status-success"]'), 'a run');
	await report.dblclick();
	const output = page.getByTestId('output-panel');
	await expectVisible(output, 'the output panel of "Health Report"');
	await output.getByText('JSON', { exact: true }).click();
	await expectVisible(output.getByText('"counts"', { exact: false }).first(), 'the report item');
	const target = path.join(SCREENSHOTS, 'health-report.png');
	await page.screenshot({ path: target });
	console.log(`wrote ${path.relative(REPO_ROOT, target)}`);
});
