import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): Playwright's own browser download cannot reach its host here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags that work on these machines: the closed network refuses Chromium's background calls to
 * Google, so they are switched off; no sandbox because CI runs as root. Playwright's launch gives
 * every run a fresh, empty profile (user data dir) of its own.
 */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// n8n's editor marks its elements with data-test-id, not Playwright's default data-testid.
selectors.setTestIdAttribute('data-test-id');

/** Headless Chromium. */
export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_FLAGS,
	});
}

/** A page the size of a laptop screen, so that screenshots show what a merchant sees. */
export async function newScreenPage(browser: Browser): Promise<Page> {
	return await browser.newPage({ viewport: { width: 1440, height: 900 } });
}

/** Matches an element's whole text, ignoring the spaces n8n leaves around some labels. */
export function wholeText(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Waits until the element is visible; fails naming what was expected. */
export async function expectVisible(
	locator: Locator,
	what: string,
	timeout = 20000,
): Promise<void> {
	try {
		await locator.first().waitFor({ state: 'visible', timeout });
	} catch {
		throw new Error(`expected to see ${what}, but it did not appear within ${timeout / 1000} s`);
	}
}

/**
 * The values of the text inputs inside an element: n8n shows a parameter's value (a picked option, a
 * credential, a field name) in an input, not as text.
 */
export async function inputValues(container: Locator): Promise<string[]> {
	return await container
		.locator('input')
		.evaluateAll((inputs) =>
			inputs.map((input) => (input as unknown as { value: string }).value).filter(Boolean),
		);
}

/** Everything drawn on the canvas (nodes and sticky notes): the name n8n labels each with, and its type. */
export async function canvasNodes(page: Page): Promise<Array<{ name: string; type: string }>> {
	return await page
		.locator('.vue-flow__node > [data-node-name][data-node-type]')
		.evaluateAll((elements) =>
			elements.map((e) => ({
				name: e.getAttribute('data-node-name') ?? '',
				type: e.getAttribute('data-node-type') ?? '',
			})),
		);
}
