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
			'Whether to compare each product with what myOGO holds first, and skip the unchanged ones (output as "unchanged"). For a large batch the catalog is read once, 250 products a call.',
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

/** What a run knows of myOGO's catalog: a code's stored product, or null when myOGO has none. */
interface Catalog extends KnownRows {
	onlyWriteChanges: boolean;
}

type Result = 'created' | 'updated' | 'unchanged' | 'kept';

const PRODUCTS: RowList = { path: '/products', keyField: 'code' };

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
	keepExisting: boolean,
): Promise<IDataObject> {
	const code = String(body.code);
	if (keepExisting) {
		const stored = catalog.onlyWriteChanges
			? await knownRow(context, catalog, PRODUCTS, code, itemIndex)
			: null;
		if (stored) return { ...tidyProduct(stored), result: 'kept' };
		return await createElseKeep(context, body, catalog, itemIndex);
	}
	if (!catalog.onlyWriteChanges) {
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
		for (const { input } of built)
			for (const product of input.products) codes.add(String(product.code));
		return { onlyWriteChanges, ...(await readKnownRows(this, PRODUCTS, codes)) };
	},
	async execute({ itemIndex, input, shared }) {
		const outputs: IDataObject[] = [];
		const keepExisting = this.getNodeParameter('whenProductExists', itemIndex, 'update') === 'keep';
		for (const body of input.products) {
			const output = await upsertOne(this, body, shared, itemIndex, keepExisting);
			outputs.push(withSkipped(output, input.skipped));
		}
		return outputs;
	},
};
