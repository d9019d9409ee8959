/**
 * The environment the Magento 2 template tests share: the myOGO sandbox (a TestBed) and the Magento 2
 * fake, started once per file, reset before each test, with the template configured for them.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startTestBed, type TestBed } from '../trigger/helpers';
import {
	magentoApi,
	magentoControl,
	magentoCredentials,
	startTestMagento,
	type RunningMagentoFake,
} from '../harness/magento2';
import { configure, loadTemplate, type Template } from '../harness/templates';
import type { TemplateEnvironment } from './setup';
import { createMyOgoOrder } from '../harness/myOgoOrder';

export interface MagentoEnvironment {
	bed: TestBed;
	fake: RunningMagentoFake;
	/** The fake's control API and its REST API. */
	magento: AxiosInstance;
	api: AxiosInstance;
	template: Template;
	credentials(): Record<string, ICredentialDataDecryptedObject>;
	/** The same environment typed for the shared helpers in ./setup (pollStockChanges…). */
	shared(): TemplateEnvironment;
}

export function useMagentoEnvironment(file: string, settings: Record<string, unknown> = {}) {
	const env = {
		credentials: () => ({
			...env.bed.credentials,
			magento2Api: magentoCredentials(env.fake),
		}),
		shared: () => env as unknown as TemplateEnvironment,
	} as unknown as MagentoEnvironment;
	beforeAll(async () => {
		env.bed = await startTestBed();
		env.fake = await startTestMagento();
		env.magento = magentoControl(env.fake);
		env.api = magentoApi(env.fake);
		env.template = configure(loadTemplate(file), {
			'settings.magentoUrl': env.fake.url,
			...settings,
		});
	});
	afterAll(async () => {
		await env.bed.close();
		await env.fake.close();
	});
	beforeEach(async () => {
		await env.bed.reset();
		await env.magento.post('/reset');
	});
	return env;
}

/** Each SKU's quantity in the Magento fake's `source` (default `default`). */
export async function magentoQuantities(
	env: MagentoEnvironment,
	source = 'default',
): Promise<Record<string, number>> {
	const state = (await env.magento.get('/state')).data as {
		sourceItems: Array<{ sku: string; source_code: string; quantity: number }>;
	};
	return Object.fromEntries(
		state.sourceItems.filter((s) => s.source_code === source).map((s) => [s.sku, s.quantity]),
	);
}

/** The REST calls the Magento fake logged, as `METHOD /path`. */
export async function magentoCalls(env: MagentoEnvironment): Promise<string[]> {
	const log = (await env.magento.get('/requests')).data as Array<{ method: string; path: string }>;
	return log.map((r) => `${r.method} ${r.path}`);
}

/** A myOGO order for a store order number (one MUG line), as the orders template would have sent it. */
export async function sendMyOgoOrder(bed: TestBed, reference: string): Promise<void> {
	await createMyOgoOrder(await bed.api(), reference, 'MUG');
}
