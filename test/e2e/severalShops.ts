/**
 * A merchant with several shops on one myOGO account, for the live tier: one myOGO sandbox (the demo
 * catalog and stock, no orders) and one store fake per shop; every shop imports the four templates of
 * its store with its own store credentials and its own Settings (reference prefix, product data
 * owner), all in one n8n, next to each other.
 */
import { readTemplate, templateId, wireTemplate } from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import type { TestBed } from '../trigger/helpers';
import { startTestBed } from '../trigger/helpers';
import { sandboxCredentials } from '../harness/sandbox';
import { startTogether } from './startTogether';
import { startShop, type N8nCredential, type Shop, type ShopSpec } from './shopKinds';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoShop } = require('../../sandbox/myogo/seed/demoShop');

/** The merchant's one myOGO credential, which every shop's templates use. */
const MERCHANT_CREDENTIAL = { id: 'sharedMyOgoMerchant', name: 'myOGO (one merchant, every shop)' };

export interface SeveralShops {
	/** The one myOGO account. */
	bed: TestBed;
	shops: Shop[];
	close(): Promise<void>;
}

export async function startSeveralShops(specs: ShopSpec[]): Promise<SeveralShops> {
	return await startTogether(async (keep) => {
		const bed = keep(await startTestBed());
		await bed.control.post('/seed', { products: demoShop.products, stock: demoShop.stock });
		const shops: Shop[] = [];
		for (const spec of specs) shops.push(keep(await startShop(spec)));
		return { bed, shops };
	});
}

/** Every credential to import: the merchant's myOGO account once, each shop's store credentials. */
export function credentialsOf(services: SeveralShops): N8nCredential[] {
	return [
		{
			...MERCHANT_CREDENTIAL,
			type: 'myOgoApi',
			data: sandboxCredentials(services.bed.sandbox.url),
		},
		...services.shops.flatMap((shop) => shop.credentials),
	];
}

/**
 * The shop's four templates as its owner imports them: its own store credentials and the merchant's
 * myOGO credential, its Settings filled (prefix and product data owner included, where the template
 * has the field), and an id and a name of its own so that the same template can sit in n8n once per shop.
 */
export function templatesOf(shop: Shop): TemplateWorkflow[] {
	const credentials: Record<string, { id: string; name: string }> = {
		myOgoApi: MERCHANT_CREDENTIAL,
	};
	for (const c of shop.credentials) credentials[c.type] = { id: c.id, name: c.name };
	const settings = {
		...shop.settings,
		'settings.referencePrefix': shop.spec.referencePrefix,
		'settings.ownsProductData': shop.spec.ownsProductData,
	};
	return shop.files.map((file) => {
		const wired = wireTemplate(readTemplate(file), { credentials, settings });
		// n8n ids are at most 21 characters; the file's own id starts with "tpl".
		const id = `${shop.spec.name}${templateId(file).slice('tpl'.length)}`.slice(0, 21);
		return { ...wired, id, name: `${wired.name} (${shop.spec.name})` };
	});
}

/** The files of the `templates` matching `file` whose Settings node lacks the field `name`. */
export function templatesLacking(
	templates: TemplateWorkflow[],
	name: string,
	file: RegExp,
): string[] {
	return templates
		.filter((t) => file.test(t.file))
		.filter((t) => {
			const settings = t.nodes.find((n) => n.name === 'Settings');
			const fields = (settings?.parameters?.assignments?.assignments ?? []) as Array<{
				name: string;
			}>;
			return !fields.some((f) => f.name === name);
		})
		.map((t) => `${t.file} (${t.name})`);
}
