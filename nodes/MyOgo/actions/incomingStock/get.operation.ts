import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredText } from '../parameters';
import { firstRow } from '../requests';
import type { MyOgoOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PO-2026-118',
		description: 'The reference the notice was created with',
	},
];

export const getIncomingStock: MyOgoOperation = {
	value: 'get',
	properties,
	async execute({ itemIndex }) {
		const reference = requiredText(this, 'reference', 'Reference', itemIndex);
		const row = await firstRow(this, '/stockupdate', { reference }, itemIndex);
		if (row === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`No incoming stock with the reference ${reference} in myOGO`,
				{
					itemIndex,
				},
			);
		}
		return row;
	},
};
