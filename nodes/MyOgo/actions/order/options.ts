import type { INodeProperties } from 'n8n-workflow';

/** Store input formats: pass a `documents` list an earlier node put on the item on to myOGO. */
export const includeDocumentsOption: INodeProperties = {
	displayName: 'Include Documents',
	name: 'includeDocuments',
	type: 'boolean',
	default: false,
	description:
		'Whether to send the "documents" list of the item (e.g. a receipt made by an earlier node: [{type, url}] or [{type, base64Content}]) with the order. Store input formats only.',
};
