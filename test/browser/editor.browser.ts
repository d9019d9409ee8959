/**
 * What a merchant sees in the n8n editor started by `npm start`: sign-in, the imported templates, the
 * myOGO nodes in the nodes panel, the myOGO node's parameters, a template's canvas, and the Shopify
 * OAuth2 API credential a new shop connects (Dev Dashboard app) with a Shopify template using it. Screenshots go
 * to docs/screenshots/ (shown in the README); every step also asserts what the page shows.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

import {
	canvasNodes,
	expectVisible,
	inputValues,
	launchChromium,
	newScreenPage,
	wholeText,
} from './chromium';
import { editorStack, PINNED_N8N, type EditorStack } from './editorStack';
import { credentialsSnapshot, deleteWorkflow, signIn } from './editorSession';

// The documented demo login and the credential names `npm start` imports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEMO_LOGIN } = require('../../tools/n8n/owner') as {
	DEMO_LOGIN: { email: string; password: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOCAL_CREDENTIALS } = require('../../tools/n8n/localCredentials') as {
	LOCAL_CREDENTIALS: Record<string, { id: string; name: string }>;
};

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The README shows the pinned 2.8's editor; the compat tier's pictures stay in its data folder. */
const SCREENSHOTS =
	PINNED_N8N.name === 'current'
		? path.join(REPO_ROOT, 'docs', 'screenshots')
		: path.join(PINNED_N8N.dataDir, 'screenshots');
const WORKFLOWS = path.join(REPO_ROOT, 'workflows');
const MYOGO_CREDENTIAL = LOCAL_CREDENTIALS.myOgoApi.name;

interface TemplateFile {
	name: string;
	nodes: Array<{ name: string; type: string }>;
}

function readTemplate(file: string): TemplateFile {
	return JSON.parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as TemplateFile;
}

let stack: EditorStack;
let browser: Browser;
let page: Page;
/** Workflows this test created (n8n saves a new workflow as soon as it has a node): deleted at the end. */
const createdWorkflowIds: string[] = [];

async function screenshot(name: string): Promise<void> {
	// Let the editor finish its transitions (panels slide in) before the picture.
	await page.waitForTimeout(600);
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function closeNodeDetails(): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	stack = await editorStack();
	browser = await launchChromium();
	page = await newScreenPage(browser);
});

afterAll(async () => {
	try {
		for (const id of createdWorkflowIds) await deleteWorkflow(page, id);
	} finally {
		await browser?.close();
		await stack?.stop();
	}
});

test('the demo login opens the workflows list with every template imported', async () => {
	await signIn(page, stack.url, DEMO_LOGIN);
	await page.goto(`${stack.url}/home/workflows`);
	await expectVisible(page.getByTestId('workflow-card-name'), 'the workflow cards');

	const templateNames = readdirSync(WORKFLOWS)
		.filter((file) => file.endsWith('.json'))
		.map((file) => readTemplate(file).name);
	expect(templateNames.length).toBeGreaterThan(0);
	const listed = await page.getByTestId('workflow-card-name').allInnerTexts();
	expect(listed.map((name) => name.trim())).toEqual(expect.arrayContaining(templateNames));
	await screenshot('workflows-list');
});

test('the nodes panel finds the myOGO nodes, installed as a community package', async () => {
	await page.goto(`${stack.url}/workflow/new`);
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('myOGO');
	// n8n lists a trigger without the word "Trigger", and puts the myOGO node's actions and the
	// myOGO Trigger's events under one "myOGO" entry.
	const found = page.getByTestId('node-creator-item-name');
	await expectVisible(
		found.filter({ hasText: wholeText('myOGO Webhook') }),
		'the myOGO Webhook Trigger in the search results',
	);
	expect((await found.allInnerTexts()).map((name) => name.trim()).sort()).toEqual([
		'myOGO',
		'myOGO Webhook',
	]);
	await screenshot('nodes-panel-search');

	await found.filter({ hasText: wholeText('myOGO') }).click();
	await expectVisible(
		page.getByText('Installed', { exact: true }),
		'the "Installed" mark of a community package',
	);
	await expectVisible(
		page.getByText('On order shipped', { exact: true }),
		'the myOGO Trigger event "On order shipped"',
	);
	await expectVisible(page.getByText(/^Actions \(\d+\)$/), "the myOGO node's actions");
	await screenshot('nodes-panel-myogo');

	// Adding the trigger opens its parameters, with the one myOGO credential already picked.
	await page.getByText('On order shipped', { exact: true }).click();
	await page.waitForURL(/\/workflow\/(?!new)[^/]+/);
	createdWorkflowIds.push(workflowIdOf(page.url()));
	const details = page.getByTestId('ndv');
	await expectVisible(
		details.getByText('Event', { exact: true }),
		'the myOGO Trigger\'s parameter "Event"',
	);
	expect(await inputValues(details)).toEqual(
		expect.arrayContaining(['myOGO Trigger', MYOGO_CREDENTIAL, 'Order Shipped']),
	);
	await closeNodeDetails();
});

test('the myOGO node opens with its parameters', async () => {
	await page.getByTestId('canvas-handle-plus').first().click();
	await page.getByTestId('node-creator-search-bar').fill('myOGO');
	await page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: wholeText('myOGO') })
		.click();
	await page.getByText('Create or update an order', { exact: true }).click();

	const details = page.getByTestId('ndv');
	await expectVisible(details, "the myOGO node's parameters");
	for (const label of ['Resource', 'Operation', 'Input Format']) {
		await expectVisible(details.getByText(label, { exact: true }), `the parameter "${label}"`);
	}
	// n8n names a node added from an action after the action.
	expect(await inputValues(details)).toEqual(
		expect.arrayContaining([
			'Create or update an order',
			MYOGO_CREDENTIAL,
			'Order',
			'Create or Update',
		]),
	);
	await screenshot('myogo-node');
	await closeNodeDetails();

	// The webhook trigger, added as a second trigger, carries its full name on the canvas.
	await page.getByTestId('canvas-handle-plus').last().click();
	await page.getByTestId('node-creator-search-bar').fill('myOGO');
	await page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: wholeText('myOGO Webhook') })
		.click();
	await page.getByText('On order shipped', { exact: true }).click();
	await expectVisible(page.getByTestId('ndv'), "the myOGO Webhook Trigger's parameters");
	await closeNodeDetails();

	expect((await canvasNodes(page)).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
		{ name: 'Create or update an order', type: 'n8n-nodes-myogo.myOgo' },
		{ name: 'myOGO Trigger', type: 'n8n-nodes-myogo.myOgoTrigger' },
		{ name: 'myOGO Webhook Trigger', type: 'n8n-nodes-myogo.myOgoWebhookTrigger' },
	]);
	await screenshot('new-workflow-canvas');
});

test('a template opens on its canvas with all its nodes and sticky notes', async () => {
	const template = await openTemplate(page, 'woocommerce-orders-to-myogo.json');
	await page.getByTestId('zoom-to-fit').click();

	const shown = await canvasNodes(page);
	expect(shown.map((node) => node.name).sort()).toEqual(
		template.nodes.map((node) => node.name).sort(),
	);
	expect(shown.filter((node) => node.type.startsWith('n8n-nodes-myogo.')).length).toBeGreaterThan(
		0,
	);
	await screenshot('template-woocommerce-orders');

	// The Settings node holds what a merchant fills in; the myOGO node reads the shipping map from it.
	const details = page.getByTestId('ndv');
	await openNode('Settings');
	await expectVisible(
		details.getByText('Fields to Set', { exact: true }),
		"the Settings node's fields",
	);
	expect(await inputValues(details)).toEqual(
		expect.arrayContaining([
			'settings.shippingMethod1',
			'settings.shippingCode1',
			'settings.defaultShippingCode',
		]),
	);
	await screenshot('template-settings-node');
	await closeNodeDetails();

	await openNode('Send Order to myOGO');
	await expectVisible(
		details.getByText('Shipping Method Map', { exact: true }),
		"the myOGO node's shipping method map",
	);
	expect(await inputValues(details)).toEqual(
		expect.arrayContaining([MYOGO_CREDENTIAL, 'Order', 'Create or Update', 'WooCommerce Order']),
	);
	await screenshot('template-myogo-node');
	await closeNodeDetails();
});

test('a Magento 2 template opens on its canvas with all its nodes', async () => {
	const template = await openTemplate(page, 'magento2-orders-to-myogo.json');
	await page.getByTestId('zoom-to-fit').click();

	const shown = await canvasNodes(page);
	expect(shown.map((node) => node.name).sort()).toEqual(
		template.nodes.map((node) => node.name).sort(),
	);
	expect(shown.filter((node) => node.type.startsWith('n8n-nodes-myogo.')).length).toBeGreaterThan(
		0,
	);
	await screenshot('template-magento2-orders');
});

test("a new shop connects Shopify: the Shopify OAuth2 API credential of a Dev Dashboard app goes through Shopify's OAuth flow; a Shopify template uses it", async () => {
	// Its own browser context: the OAuth window opens the Shopify fake, whose certificate is self-signed.
	const context = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		ignoreHTTPSErrors: true,
	});
	const shopPage = await context.newPage();
	const { shopify } = await localServices();
	let credentials: { removeNew(): Promise<void> } | undefined;
	try {
		await signIn(shopPage, stack.url, DEMO_LOGIN);
		credentials = await credentialsSnapshot(shopPage);
		await shopPage.goto(`${stack.url}/home/credentials/create`);
		const picker = shopPage.getByRole('dialog');
		await picker.getByPlaceholder(/Search for app/i).fill('Shopify OAuth2');
		await shopPage.getByText('Shopify OAuth2 API', { exact: true }).last().click();
		await picker.getByRole('button', { name: 'Continue' }).click();

		// What the merchant copies into the Dev Dashboard app (Redirect URLs), and what they copy back from it.
		const dialog = shopPage.getByRole('dialog');
		await expectVisible(
			dialog.getByText('OAuth Redirect URL', { exact: true }),
			'the OAuth Redirect URL for the Dev Dashboard app',
		);
		expect(await dialog.innerText()).toContain('/rest/oauth2-credential/callback');
		const fields = {
			shopSubdomain: shopify.shopSubdomain,
			clientId: shopify.clientId,
			clientSecret: shopify.clientSecret,
		};
		for (const [name, value] of Object.entries(fields))
			await dialog.getByTestId(`parameter-input-${name}`).locator('input').first().fill(value);
		await shopPage.waitForTimeout(600);
		await shopPage.screenshot({ path: path.join(SCREENSHOTS, 'shopify-oauth2-credential.png') });

		// "Connect my account": Shopify's authorize page (the fake grants at once), back to n8n, which trades the code for the token.
		const [oauthWindow] = await Promise.all([
			context.waitForEvent('page'),
			dialog.getByText('Connect my account', { exact: true }).click(),
		]);
		await oauthWindow.waitForEvent('close', { timeout: 30000 });
		await expectVisible(
			dialog.getByText('Account connected', { exact: true }),
			'the connected Shopify account',
		);
		await shopPage.waitForTimeout(600);
		await shopPage.screenshot({ path: path.join(SCREENSHOTS, 'shopify-oauth2-connected.png') });
		await shopPage.keyboard.press('Escape');

		// A Shopify template as imported: its HTTP Request nodes use the Shopify OAuth2 API credential.
		await openTemplate(shopPage, 'shopify-stock-from-myogo.json');
		await shopPage
			.locator('[data-test-id="canvas-node"][data-node-name="Set Stock in Shopify"]')
			.dblclick();
		const details = shopPage.getByTestId('ndv');
		await expectVisible(details, 'the parameters of "Set Stock in Shopify"');
		expect(await inputValues(details)).toEqual(
			expect.arrayContaining(['Shopify OAuth2 API', LOCAL_CREDENTIALS.shopifyOAuth2Api.name]),
		);
		await shopPage.waitForTimeout(600);
		await shopPage.screenshot({ path: path.join(SCREENSHOTS, 'template-shopify-credential.png') });
	} finally {
		try {
			await credentials?.removeNew();
		} finally {
			await context.close();
		}
	}
});

/** The Shopify fake `npm start` runs: what the merchant would copy from the Dev Dashboard app. */
async function localServices(): Promise<{
	shopify: { shopSubdomain: string; clientId: string; clientSecret: string };
}> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DEFAULTS } = require('../../sandbox/shopify/defaults') as {
		DEFAULTS: { port: number; clientId: string; appSecret: string };
	};
	return {
		shopify: {
			shopSubdomain: `127.0.0.1:${DEFAULTS.port}/shop/`,
			clientId: DEFAULTS.clientId,
			clientSecret: DEFAULTS.appSecret,
		},
	};
}

/** Opens an imported template from the workflows list and waits for its canvas. */
async function openTemplate(onPage: Page, file: string): Promise<TemplateFile> {
	const template = readTemplate(file);
	await onPage.goto(`${stack.url}/home/workflows`);
	await onPage.getByTestId('workflow-card-name').filter({ hasText: template.name }).click();
	await onPage.waitForURL(/\/workflow\//);
	await expectVisible(onPage.getByTestId('canvas-node'), "the template's nodes");
	return template;
}

async function openNode(name: string): Promise<void> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await expectVisible(page.getByTestId('ndv'), `the parameters of "${name}"`);
}

function workflowIdOf(url: string): string {
	const match = /\/workflow\/([^/?#]+)/.exec(url);
	if (!match) throw new Error(`no workflow id in ${url}`);
	return match[1];
}
