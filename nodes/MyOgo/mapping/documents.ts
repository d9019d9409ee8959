/**
 * myOGO order `documents` (a `receipt` is printed and packed with the parcel).
 *
 * No store order resource carries printable documents, so with "Include
 * Documents" on, the mapper passes on a `documents` array that an earlier node
 * put on the item (e.g. a PDF receipt generated in the workflow), in myOGO's
 * own shape: `[{ type, url }]` or `[{ type, base64Content }]`.
 */
import type { IDataObject } from 'n8n-workflow';

import { MappingError } from './MappingError';
import type { MyOgoDocument, OrderMappingOptions } from './types';
import { list, object, text } from './values';

export function pickDocuments(
	raw: IDataObject,
	options: OrderMappingOptions,
	orderLabel: string,
	notes: string[],
): MyOgoDocument[] | undefined {
	if (options.includeDocuments !== true) return undefined;
	const entries = list(raw.documents);
	if (entries.length === 0) {
		notes.push('"Include Documents" is on, but the item has no "documents" to include');
		return undefined;
	}
	const documents: MyOgoDocument[] = [];
	for (let i = 0; i < entries.length; i++) {
		const entry = object(entries[i]);
		const type = text(entry?.type);
		const url = text(entry?.url);
		const base64Content = text(entry?.base64Content);
		if (type === undefined) {
			throw new MappingError(
				`Order ${orderLabel}: document ${i + 1} has no "type" — give it a type such as "receipt"`,
				{ field: 'documents.type', orderLabel },
			);
		}
		if (url === undefined && base64Content === undefined) {
			throw new MappingError(
				`Order ${orderLabel}: document ${i + 1} has neither "url" nor "base64Content" — give it one of them`,
				{ field: 'documents.url', orderLabel },
			);
		}
		const document: MyOgoDocument = { type };
		if (url !== undefined) document.url = url;
		if (base64Content !== undefined) document.base64Content = base64Content;
		documents.push(document);
	}
	return documents;
}
