/**
 * The environment the template tests share: the myOGO sandbox (a TestBed) and the WooCommerce fake,
 * started once per file, closed after it, and (unless told otherwise) reset before each test.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startTestBed, type TestBed } from '../trigger/helpers';
import type { WebhookTrigger } from '../harness/webhook';
import {
	configure,
	loadTemplate,
	startTestWooCommerce,
	wooCommerceCredentials,
	wooControl,
	type RunningWooCommerceFake,
	type Template,
} from '../harness/templates';

export interface TemplateEnvironmentOptions {
	/** `workflows/<file>` to load and configure once both services run; becomes `env.template`. */
	template?: string;
	/** The Settings values to configure the template with (given the running fake). */
	settings?: (fake: RunningWooCommerceFake) => Record<string, unknown>;
	/** Reset the sandbox and the fake before each test (default true). */
	resetEachTest?: boolean;
	/** Seeds the sandbox after each reset. */
	seed?: (bed: TestBed) => Promise<unknown>;
}

export interface TemplateEnvironment {
	bed: TestBed;
	fake: RunningWooCommerceFake;
	/** The fake's control API. */
	woo: AxiosInstance;
	/** The configured template (only with `options.template`). */
	template: Template;
	/** Webhook triggers a test activated; closed after all tests. */
	hooks: WebhookTrigger[];
	/** The myOGO and WooCommerce credentials a merchant would select. */
	credentials(): Record<string, ICredentialDataDecryptedObject>;
}

/** Registers the beforeAll/afterAll/beforeEach hooks; the context's fields are set once beforeAll ran. */
export function useTemplateEnvironment(options: TemplateEnvironmentOptions = {}): TemplateEnvironment {
	const env = {
		hooks: [] as WebhookTrigger[],
		credentials: () =>
			({ ...env.bed.credentials, wooCommerceApi: wooCommerceCredentials(env.fake) }) as Record<string, ICredentialDataDecryptedObject>,
	} as TemplateEnvironment;

	beforeAll(async () => {
		env.bed = await startTestBed();
		env.fake = await startTestWooCommerce();
		env.woo = wooControl(env.fake);
		if (options.template) {
			env.template = configure(loadTemplate(options.template), options.settings?.(env.fake) ?? {});
		}
	});
	afterAll(async () => {
		for (const hook of env.hooks) await hook.close();
		await env.bed.close();
		await env.fake.close();
	});
	if (options.resetEachTest ?? true) {
		beforeEach(async () => {
			await env.bed.reset();
			await env.woo.post('/reset');
			await options.seed?.(env.bed);
		});
	}
	return env;
}
