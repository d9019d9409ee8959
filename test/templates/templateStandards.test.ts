/**
 * The "every template" standards, checked on every file in workflows/ as it is shipped.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INode } from 'n8n-workflow';

import { loadTemplate } from '../harness/templates';
import { nodeTypes } from '../harness/runWorkflow';

const FILES = readdirSync(join(__dirname, '..', '..', 'workflows')).filter((file) => file.endsWith('.json'));

test('the shipped templates: four per store', () => {
	expect(FILES.filter((file) => file.startsWith('woocommerce-'))).toHaveLength(4);
	expect(FILES.filter((file) => file.startsWith('shopify-'))).toHaveLength(4);
});

describe.each(FILES)('%s', (file) => {
	const template = loadTemplate(file);
	const byName = new Map(template.nodes.map((node) => [node.name, node]));
	const triggers = template.nodes.filter((node) => /[Tt]rigger$/.test(node.type));

	test('every node type exists in n8n 2.8 or this package; no Code nodes', () => {
		for (const node of template.nodes) {
			expect(node.type).not.toMatch(/\.(code|function|functionItem)$/);
			expect(() => nodeTypes.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
		}
	});

	test('every trigger opens into the Settings node (Edit Fields); sticky notes explain setup', () => {
		expect(triggers.length).toBeGreaterThan(0);
		for (const trigger of triggers) {
			expect(template.connections[trigger.name]?.main?.[0]?.map((c) => c.node)).toEqual(['Settings']);
		}
		expect(byName.get('Settings')?.type).toBe('n8n-nodes-base.set');
		const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThanOrEqual(2);
		expect(notes.map((n) => String(n.parameters.content)).join('\n')).toMatch(/Setup/);
	});

	test('credentials are placeholders referenced by type; no secrets in the file', () => {
		const text = JSON.stringify(template);
		expect(text).not.toMatch(/ck_[0-9a-f]{10,}|cs_[0-9a-f]{10,}|shpat_[0-9a-f]{10,}|sandbox-secret|Bearer /);
		for (const node of template.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(['myOgoApi', 'wooCommerceApi', 'shopifyAccessTokenApi']).toContain(type);
				expect(ref.id).toMatch(/^REPLACE_WITH_YOUR_/);
			}
		}
	});

	test('every node that calls an API continues on its error output, and that output is connected', () => {
		const callers = template.nodes.filter((n: INode) =>
			['n8n-nodes-base.httpRequest', 'n8n-nodes-base.wooCommerce', 'n8n-nodes-base.shopify', 'n8n-nodes-myogo.myOgo'].includes(n.type),
		);
		expect(callers.length).toBeGreaterThan(0);
		for (const node of callers) {
			expect([node.name, node.onError]).toEqual([node.name, 'continueErrorOutput']);
			expect(template.connections[node.name]?.main?.[1]?.length).toBeGreaterThan(0);
		}
	});
});

describe.each(FILES.filter((file) => file.startsWith('shopify-')))('%s', (file) => {
	test('every Shopify call uses the Access Token credential and API version 2024-07, like n8n\'s own Shopify node', () => {
		const callers = loadTemplate(file).nodes.filter((node) => node.credentials?.shopifyAccessTokenApi);
		expect(callers.length).toBeGreaterThan(0);
		for (const node of callers) {
			if (node.type === 'n8n-nodes-base.httpRequest') {
				expect([node.name, node.parameters.nodeCredentialType, node.parameters.url]).toEqual([
					node.name,
					'shopifyAccessTokenApi',
					expect.stringMatching(/^=https:\/\/\{\{ \$\('Settings'\)\.first\(\)\.json\.settings\.shopSubdomain \}\}\.myshopify\.com\/admin\/api\/2024-07\//),
				]);
			} else {
				expect([node.name, node.type, node.parameters.authentication]).toEqual([node.name, expect.stringMatching(/^n8n-nodes-base\.shopify(Trigger)?$/), 'accessToken']);
			}
		}
	});
});
