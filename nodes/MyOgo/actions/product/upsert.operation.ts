import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { codeInPath, myOgoRequest } from '../../transport';
import { productLocator, writeOptions } from '../descriptions';
import type { KnownRows, RowList } from '../knownRows';
import { knownRow, readKnownRows } from '../knownRows';
import { hasStatus, settle } from '../requests';
import type { BuiltItem, MyOgoOperation } from '../operation';
import { tidyProduct } from '../../shared/output';
import { changedProductFields } from './compare';
import type { ProductsOfItem } from './productInput';
import { productInputProperties, productsLabel, productsOfItem, withSkipped } from './productInput';
import { forgetSent, recordSent, sentEntry } from './sentProducts';

const properties = [
	...productInputProperties(
		productLocator(
			'The SKU to create or update. "By Code" takes a new code as well as an existing one.',
		),
	),
	{
		displayName: 'Only Write Changes',
		name: 'onlyWriteChanges',
		type: 'boolean' as const,
		default: true,
		description:
			'Whether to compare each product with what myOGO holds first, and skip the unchanged ones (output as "unchanged"). For a large batch the catalog is read once, 250 products a call. Off: each product is written (PUT, or POST when myOGO lacks it) without a read.',
	},
	{
		displayName: 'Skip Products Sent Unchanged',
		name: 'skipSentUnchanged',
		type: 'boolean' as const,
		default: false,
		description:
			'Whether to remember (in n8n\'s database, per workflow) what was sent for each SKU, and skip a product whose data equals what was sent last time, without any myOGO call (output as "alreadySent"). For store webhooks that fire on stock writes too. A failed send is forgotten, so it is sent again. Clear it with a Remove Duplicates node (Clear Deduplication History, scope Workflow) before a full resync.',
	},
	{
		displayName: 'When the Product Exists',
		name: 'whenProductExists',
		type: 'options' as const,
		default: 'update',
		options: [
			{
				name: 'Update It',
				value: 'update',
				description: "Write this item's product data over myOGO's",
			},
			{
				name: "Keep myOGO's Data",
				value: 'keep',
				description:
					'Create only products myOGO lacks; leave existing ones as they are (output as "kept"). For a shop whose product data is not the master when several shops sell the same SKU.',
			},
		],
		description: 'What to do with a SKU myOGO already has',
	},
	writeOptions(),
];

/** What a run knows of myOGO's catalog (a code's stored product, or null when myOGO has none), and what it sent before. */
interface Catalog extends KnownRows {
	/** Entries (sentEntry) this workflow sent before with the same data: no call needed. */
	sentBefore: Set<string>;
}

/** One item's products and how the item's parameters say to write them. */
interface UpsertInput extends ProductsOfItem {
	compare: boolean;
	keepExisting: boolean;
	/** Per product, its entry to remember as sent (sentEntry); empty when the item does not ask for it. */
	entries: string[];
}

type Result = 'created' | 'updated' | 'unchanged' | 'kept';

/**
 * A run compares two or more codes only in a batch or a full resync (a webhook's changed product is
 * written straight, see sentProducts.ts): the first page of 250 then answers them all in a catalog
 * that fits on it, and in a larger one the read stops once the pages outnumber the codes still missing.
 */
const PRODUCTS: RowList = { path: '/products', keyField: 'code', askOneByOneUpTo: 1 };

async function post(
	context: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return await myOgoRequest.call(context, { method: 'POST', path: '/products', body, itemIndex });
}

async function put(
	context: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const { segment, qs } = codeInPath(String(body.code));
	return await myOgoRequest.call(context, {
		method: 'PUT',
		path: `/products/${segment}`,
		qs,
		body,
		itemIndex,
	});
}

/** PUT, and POST when myOGO has no such code (one call when the product exists). */
async function updateElseCreate(context: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const updated = await settle(put(context, body, itemIndex));
	if (updated.ok) return { reply: updated.value, result: 'updated' as Result };
	if (!hasStatus(updated.error, 404)) throw updated.error;
	return { reply: await post(context, body, itemIndex), result: 'created' as Result };
}

/** POST, and PUT when the code was taken meanwhile (one call when the product is new). */
async function createElseUpdate(context: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const created = await settle(post(context, body, itemIndex));
	if (created.ok) return { reply: created.value, result: 'created' as Result };
	if (!hasStatus(created.error, 409)) throw created.error;
	return { reply: await put(context, body, itemIndex), result: 'updated' as Result };
}

/**
 * POST, and when the code exists (or was taken meanwhile) leave myOGO's product as it is: another
 * shop owns its data. Never a PUT.
 */
async function createElseKeep(
	context: IExecuteFunctions,
	body: IDataObject,
	catalog: Catalog,
	itemIndex: number,
): Promise<IDataObject> {
	const code = String(body.code);
	const created = await settle(post(context, body, itemIndex));
	if (created.ok) {
		catalog.known.set(code, created.value);
		return { ...tidyProduct(created.value), result: 'created' };
	}
	if (!hasStatus(created.error, 409)) throw created.error;
	const stored = await knownRow(context, catalog, PRODUCTS, code, itemIndex, true);
	return { ...tidyProduct(stored ?? body), result: 'kept' };
}

async function upsertOne(
	context: IExecuteFunctions,
	body: IDataObject,
	catalog: Catalog,
	itemIndex: number,
	{ compare, keepExisting }: UpsertInput,
): Promise<IDataObject> {
	const code = String(body.code);
	if (keepExisting) {
		const stored = compare ? await knownRow(context, catalog, PRODUCTS, code, itemIndex) : null;
		if (stored) return { ...tidyProduct(stored), result: 'kept' };
		return await createElseKeep(context, body, catalog, itemIndex);
	}
	if (!compare) {
		const { reply, result } = await updateElseCreate(context, body, itemIndex);
		return { ...tidyProduct(reply), result };
	}
	const stored = await knownRow(context, catalog, PRODUCTS, code, itemIndex);
	let written: { reply: IDataObject; result: Result };
	let changedFields: string[] | undefined;
	if (stored) {
		changedFields = changedProductFields(body, stored);
		if (changedFields.length === 0) return { ...tidyProduct(stored), result: 'unchanged' };
		written = await updateElseCreate(context, body, itemIndex);
	} else {
		written = await createElseUpdate(context, body, itemIndex);
	}
	// A later item of the same run with the same code compares against what was just written.
	catalog.known.set(code, written.reply);
	const output: IDataObject = { ...tidyProduct(written.reply), result: written.result };
	if (written.result === 'updated' && changedFields) output.changedFields = changedFields;
	return output;
}

export const upsertProduct: MyOgoOperation<Catalog, UpsertInput> = {
	value: 'upsert',
	properties,
	parallel: true,
	label: productsLabel,
	build({ itemIndex, item }) {
		const input = productsOfItem(this, itemIndex, item.json);
		const keepExisting = this.getNodeParameter('whenProductExists', itemIndex, 'update') === 'keep';
		const remember = this.getNodeParameter('skipSentUnchanged', itemIndex, false) as boolean;
		return {
			...input,
			compare: this.getNodeParameter('onlyWriteChanges', itemIndex, true) as boolean,
			keepExisting,
			entries: remember ? input.products.map((body) => sentEntry(body, keepExisting)) : [],
		};
	},
	async prepare(_items, built: Array<BuiltItem<UpsertInput>>) {
		// Once per entry: a product twice in one run is not "sent before" by its own first copy.
		const entries = new Set(built.flatMap(({ input }) => input.entries));
		const sentBefore = await recordSent(this, [...entries]);
		// Only what is to be compared, and was not sent unchanged before, is read from myOGO.
		const codes = new Set<string>();
		for (const { input } of built) {
			if (!input.compare) continue;
			for (const [index, body] of input.products.entries()) {
				const entry = input.entries[index];
				if (entry === undefined || !sentBefore.has(entry)) codes.add(String(body.code));
			}
		}
		return { sentBefore, ...(await readKnownRows(this, PRODUCTS, codes)) };
	},
	async execute({ itemIndex, input, shared }) {
		const outputs: IDataObject[] = [];
		const { entries } = input;
		for (const [index, body] of input.products.entries()) {
			const entry = entries[index];
			if (entry !== undefined && shared.sentBefore.has(entry)) {
				outputs.push(withSkipped({ ...tidyProduct(body), result: 'alreadySent' }, input.skipped));
				continue;
			}
			const sent = await settle(upsertOne(this, body, shared, itemIndex, input));
			if (!sent.ok) {
				// This product and the ones after it were not sent: the next delivery sends them.
				await forgetSent(
					this,
					entries.slice(index).filter((later) => !shared.sentBefore.has(later)),
				);
				throw sent.error;
			}
			outputs.push(withSkipped(sent.value, input.skipped));
		}
		return outputs;
	},
};
