/**
 * The "every template" standards, checked on every file in workflows/ as it is shipped.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INode } from 'n8n-workflow';

import { loadTemplate } from '../harness/templates';
import { STICKY_NOTE, nodeBox, noteRectangle, overlaps } from '../harness/canvas';
import { nodeTypes } from '../harness/runWorkflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LIVE_VERSIONS } = require('../../sandbox/shopify/versions') as { LIVE_VERSIONS: string[] };

const FILES = readdirSync(join(__dirname, '..', '..', 'workflows')).filter((file) =>
	file.endsWith('.json'),
);
test('the shipped templates: four per store', () => {
	// The sync templates; a store's sync health check (<store>-sync-health.json) comes on top.
	const SYNC = FILES.filter((file) => !file.endsWith('-sync-health.json'));
	expect(SYNC.filter((file) => file.startsWith('woocommerce-'))).toHaveLength(4);
	expect(SYNC.filter((file) => file.startsWith('shopify-'))).toHaveLength(4);
	expect(SYNC.filter((file) => file.startsWith('magento2-'))).toHaveLength(4);
});

describe.each(FILES)('%s', (file) => {
	const template = loadTemplate(file);
	const byName = new Map(template.nodes.map((node) => [node.name, node]));
	const triggers = template.nodes.filter((node) => /[Tt]rigger$/.test(node.type));
	const notes = template.nodes.filter((node) => node.type === STICKY_NOTE);
	const nodes = template.nodes.filter((node) => node.type !== STICKY_NOTE);

	test('every node type exists in n8n 2.8 or this package; no Code nodes', () => {
		for (const node of template.nodes) {
			expect(node.type).not.toMatch(/\.(code|function|functionItem)$/);
			// An unknown typeVersion gives undefined (not an error), so check the version is one the type has.
			const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			expect({ node: node.name, known: type !== undefined }).toEqual({
				node: node.name,
				known: true,
			});
			const versions = ([] as number[]).concat(type.description.version);
			expect({ node: node.name, versions: versions.includes(node.typeVersion) }).toEqual({
				node: node.name,
				versions: true,
			});
		}
	});

	test('every trigger opens into the Settings node (Edit Fields); sticky notes explain setup', () => {
		expect(triggers.length).toBeGreaterThan(0);
		for (const trigger of triggers) {
			expect(template.connections[trigger.name]?.main?.[0]?.map((c) => c.node)).toEqual([
				'Settings',
			]);
		}
		expect(byName.get('Settings')?.type).toBe('n8n-nodes-base.set');
		expect(notes.length).toBeGreaterThanOrEqual(2);
		expect(notes.map((n) => String(n.parameters.content)).join('\n')).toMatch(/Setup/);
	});

	test('no trigger ships a fixed webhookId: each import gets its own webhook address', () => {
		// n8n 2.8's editor keeps a webhookId found in an imported file (it renews it for Form Triggers
		// only) and assigns a fresh one when there is none. Two imports of a file with fixed ids share one
		// webhook address; the WooCommerce Trigger then adopts the webhook the other import registered
		// without its secret (500 on every delivery, n8n issue 24681) and WooCommerce disables it.
		// The CLI import assigns none: tools/n8n/templates.js gives each trigger one, as the editor does.
		// (A Wait node's webhookId only serves resuming by webhook, which the templates do not use.)
		expect(
			triggers.filter((node) => node.webhookId !== undefined).map((node) => node.name),
		).toEqual([]);
	});

	test('no sticky note covers a node', () => {
		// n8n draws a node as about 100×100 with its name below it; a sticky note's default size is 240×160.
		// Group notes ("## Engineering", "## Your rules") are drawn behind the nodes they group.
		const covered = notes
			.filter((note) => !/^## (Engineering|Your rules)/.test(String(note.parameters.content)))
			.flatMap((note) =>
				nodes
					.filter((node) => overlaps(noteRectangle(note), nodeBox(node)))
					.map((node) => `"${note.name}" covers "${node.name}"`),
			);
		expect(covered).toEqual([]);
	});

	test('sticky notes share one structure: what it does, Setup, Settings (every field), Failures', () => {
		const setup = String(byName.get('Note: Setup')?.parameters.content ?? '');
		expect(setup).toMatch(/^## .+\n\n\S[\s\S]*\n### Setup\n1\. [\s\S]*\n### Settings\n- /);
		const fields = (
			byName.get('Settings')?.parameters.assignments as { assignments: Array<{ name: string }> }
		).assignments.map((a) => a.name);
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields)
			expect([field, setup.includes(field.replace(/\d+$/, ''))]).toEqual([field, true]);
		expect(String(byName.get('Note: Failures')?.parameters.content)).toMatch(
			/^## Failures\n- [\s\S]*error workflow/,
		);
	});

	test("a trigger's schedule is set on the trigger node and named in the Settings node's notes, not read from Settings", () => {
		const settings = byName.get('Settings')!;
		const fields = (
			settings.parameters.assignments as { assignments: Array<{ name: string }> }
		).assignments.map((a) => a.name);
		// A maximum age (settings.maxHoursInNew) is a threshold, not a schedule.
		expect(fields.filter((field) => /(?<!max)hour(?!s$)|interval|minute/i.test(field))).toEqual([]);
		for (const trigger of triggers.filter((node) =>
			/scheduleTrigger|myOgoTrigger$/.test(node.type),
		)) {
			expect([trigger.name, settings.notes?.includes(`"${trigger.name}"`)]).toEqual([
				trigger.name,
				true,
			]);
		}
	});

	test("nodes read a Settings field the one way workflows/README.md gives: $('Settings').first().json.settings.…", () => {
		const way = "$('Settings').first().json";
		const otherReads = nodes
			.filter((node) => node.name !== 'Settings')
			.flatMap((node) => {
				const text = JSON.stringify(node.parameters);
				return [...text.matchAll(/\.settings\./g)]
					.filter((read) => text.slice(read.index - way.length, read.index) !== way)
					.map((read) => `${node.name}: …${text.slice(read.index - 30, read.index + 20)}…`);
			});
		expect(otherReads).toEqual([]);
	});

	test('credentials are placeholders referenced by type; no secrets in the file', () => {
		const text = JSON.stringify(template);
		expect(text).not.toMatch(
			/ck_[0-9a-f]{10,}|cs_[0-9a-f]{10,}|shpat_[0-9a-f]{10,}|sandbox-secret|Bearer /,
		);
		for (const node of template.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect([
					'myOgoApi',
					'wooCommerceApi',
					'shopifyAccessTokenApi',
					'shopifyOAuth2Api',
					'magento2Api',
				]).toContain(type);
				expect(ref.id).toMatch(/^REPLACE_WITH_YOUR_/);
			}
		}
	});

	test('every node that calls an API continues on its error output, and that output is connected', () => {
		const callers = template.nodes.filter((n: INode) =>
			[
				'n8n-nodes-base.httpRequest',
				'n8n-nodes-base.wooCommerce',
				'n8n-nodes-base.shopify',
				'n8n-nodes-myogo.myOgo',
			].includes(n.type),
		);
		expect(callers.length).toBeGreaterThan(0);
		for (const node of callers) {
			expect([node.name, node.onError]).toEqual([node.name, 'continueErrorOutput']);
			expect(template.connections[node.name]?.main?.[1]?.length).toBeGreaterThan(0);
		}
	});
});

describe.each(FILES.filter((file) => file.startsWith('shopify-')))('%s', (file) => {
	const template = loadTemplate(file);
	const callers = template.nodes.filter(
		(node) => node.credentials?.shopifyAccessTokenApi || node.credentials?.shopifyOAuth2Api,
	);

	test('every Shopify node, trigger and HTTP Request node is set up for the Shopify OAuth2 API credential, with the legacy Access Token one beside it', () => {
		expect(callers.length).toBeGreaterThan(0);
		for (const node of callers) {
			expect([node.name, Object.keys(node.credentials ?? {}).sort()]).toEqual([
				node.name,
				['shopifyAccessTokenApi', 'shopifyOAuth2Api'],
			]);
			if (node.type === 'n8n-nodes-base.httpRequest') {
				expect([
					node.name,
					node.parameters.authentication,
					node.parameters.nodeCredentialType,
				]).toEqual([node.name, 'predefinedCredentialType', 'shopifyOAuth2Api']);
			} else {
				expect([node.name, node.type, node.parameters.authentication]).toEqual([
					node.name,
					expect.stringMatching(/^n8n-nodes-base\.shopify(Trigger)?$/),
					'oAuth2',
				]);
			}
		}
	});

	test("every HTTP Request to Shopify names the live Admin API version kept in Settings, and pages without n8n's built-in pagination", () => {
		const http = callers.filter((node) => node.type === 'n8n-nodes-base.httpRequest');
		if (!http.length) return; // only n8n's own Shopify nodes here: their version is n8n's (2024-07, answered by the oldest live one)
		const settings = (
			template.nodes.find((node) => node.name === 'Settings')?.parameters.assignments as {
				assignments: Array<{ name: string; value: unknown }>;
			}
		).assignments;
		const version = settings.find((a) => a.name === 'settings.shopifyApiVersion')?.value;
		expect(LIVE_VERSIONS).toContain(version);
		for (const node of http) {
			expect([node.name, node.parameters.url]).toEqual([
				node.name,
				expect.stringMatching(
					/^=https:\/\/\{\{ \$\('Settings'\)\.first\(\)\.json\.settings\.shopSubdomain \}\}\.myshopify\.com\/admin\/api\/\{\{ \$\('Settings'\)\.first\(\)\.json\.settings\.shopifyApiVersion \}\}\//,
				),
			]);
			// n8n 2.8's paginated HTTP Request drops the OAuth2 credential's X-Shopify-Access-Token header.
			expect([
				node.name,
				(node.parameters.options as { pagination?: unknown })?.pagination,
			]).toEqual([node.name, undefined]);
		}
	});
});

test('both stock templates reconcile the same way: a daily Schedule Trigger at 04:00 straight into Settings', () => {
	for (const file of ['shopify-stock-from-myogo.json', 'woocommerce-stock-from-myogo.json']) {
		const template = loadTemplate(file);
		const reconcile = template.nodes.find((node) => node.name === 'Reconcile All Stock Daily');
		expect([file, reconcile?.type, reconcile?.parameters.rule]).toEqual([
			file,
			'n8n-nodes-base.scheduleTrigger',
			{ interval: [{ field: 'days', daysInterval: 1, triggerAtHour: 4 }] },
		]);
		expect(
			template.connections['Changes from the Trigger?']?.main?.[1]?.map((c) => c.node),
		).toEqual(['Get All Stock from myOGO']);
	}
});

test.each(FILES)(
	'%s: every node has an id of its own (the editor draws one node per id)',
	(file) => {
		const ids = loadTemplate(file).nodes.map((node) => node.id);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	},
);
