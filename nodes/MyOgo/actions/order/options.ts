import type { INodeProperties } from 'n8n-workflow';

/** Store input formats: pass a `documents` list an earlier node put on the item on to myOGO. */
export const includeDocumentsOption: INodeProperties = {
	displayName: 'Include Documents',
	name: 'includeDocuments',
	type: 'boolean',
	default: false,
	description:
		'Whether to send the "documents" list of the item with the order: e.g. a receipt an earlier node made, each document a type with a URL or base64Content. Store input formats only.',
};
