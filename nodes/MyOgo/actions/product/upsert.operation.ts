import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { codeInPath, myOgoPages, myOgoRequest } from '../../transport';
import { productLocator, writeOptions } from '../descriptions';
import { firstRow, hasStatus, settle } from '../requests';
import type { BuiltItem, MyOgoOperation } from '../operation';
import { tidyProduct } from '../../shared/output';
import { changedProductFields } from './compare';
import type { ProductsOfItem } from './productInput';
import { productInputProperties, productsLabel, productsOfItem, withSkipped } from './productInput';

/** Up to this many products a run asks myOGO for each one by code instead of reading the catalog. */
export const SMALL_BATCH = 20;

const properties = [
	...productInputProperties(
		productLocator('The SKU to create or update. "By Code" takes a new code as well as an existing one.'),
	),
	{
		displayName: 'Only Write Changes',
		name: 'onlyWriteChanges',
		type: 'boolean' as const,
		default: true,
		description:
			'Whether to compare each product with what myOGO holds first, and skip the unchanged ones (output as "unchanged"). For a large batch the catalog is read once, 250 products a call.',
	},
	writeOptions(),
];

/** What a run knows of myOGO's catalog: a code's stored product, or null when myOGO has none. */
interface Catalog {
	onlyWriteChanges: boolean;
	known: Map<string, IDataObject | null>;
	/** True when the whole catalog was read: a code not in `known` is not in myOGO. */
	complete: boolean;
}

type Result = 'created' | 'updated' | 'unchanged';

/**
 * Reads the catalog in pages of 250 while that is cheaper than asking per code: it stops once
 * the pages read outnumber the codes still not found (those are then asked for one by one).
 */
async function readCatalog(context: IExecuteFunctions, codes: Set<string>): Promise<Catalog> {
	const known = new Map<string, IDataObject | null>();
	if (codes.size <= SMALL_BATCH) return { onlyWriteChanges: true, known, complete: false };
	let pages = 0;
	for await (const page of myOgoPages.call(context, { path: '/products' })) {
		pages++;
		for (const row of page) {
			const code = String(row.code);
			if (codes.has(code)) known.set(code, row);
		}
		if (pages >= codes.size - known.size) return { onlyWriteChanges: true, known, complete: false };
	}
	return { onlyWriteChanges: true, known, complete: true };
}

async function storedProduct(
	context: IExecuteFunctions,
	catalog: Catalog,
	code: string,
	itemIndex: number,
): Promise<IDataObject | null> {
	const known = catalog.known.get(code);
	if (known !== undefined) return known;
	if (catalog.complete) return null;
	const found = (await firstRow(context, '/products', { code }, itemIndex)) ?? null;
	catalog.known.set(code, found);
	return found;
}

async function post(context: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return await myOgoRequest.call(context, { method: 'POST', path: '/products', body, itemIndex });
}

async function put(context: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const { segment, qs } = codeInPath(String(body.code));
	return await myOgoRequest.call(context, { method: 'PUT', path: `/products/${segment}`, qs, body, itemIndex });
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

async function upsertOne(
	context: IExecuteFunctions,
	body: IDataObject,
	catalog: Catalog,
	itemIndex: number,
): Promise<IDataObject> {
	const code = String(body.code);
	if (!catalog.onlyWriteChanges) {
		const { reply, result } = await updateElseCreate(context, body, itemIndex);
		return { ...tidyProduct(reply), result };
	}
	const stored = await storedProduct(context, catalog, code, itemIndex);
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

export const upsertProduct: MyOgoOperation<Catalog, ProductsOfItem> = {
	value: 'upsert',
	properties,
	parallel: true,
	label: productsLabel,
	build({ itemIndex, item }) {
		return productsOfItem(this, itemIndex, item.json);
	},
	async prepare(_items, built: Array<BuiltItem<ProductsOfItem>>) {
		const onlyWriteChanges = this.getNodeParameter('onlyWriteChanges', 0, true) as boolean;
		if (!onlyWriteChanges) return { onlyWriteChanges, known: new Map(), complete: false };
		const codes = new Set<string>();
		for (const { input } of built) for (const product of input.products) codes.add(String(product.code));
		return await readCatalog(this, codes);
	},
	async execute({ itemIndex, input, shared }) {
		const outputs: IDataObject[] = [];
		for (const body of input.products) {
			outputs.push(withSkipped(await upsertOne(this, body, shared, itemIndex), input.skipped));
		}
		return outputs;
	},
};
