import type { IDataObject } from 'n8n-workflow';

import { modifiedAfterFilter } from '../descriptions';
import { getManyOperation } from '../getMany';
import { tidyProduct } from '../../shared/output';

export const getAllProducts = getManyOperation({
	path: '/products',
	filters: [
		{
			displayName: 'EAN Code',
			name: 'eanCode',
			type: 'string',
			default: '',
			description: 'Only products with this barcode',
		},
		modifiedAfterFilter,
		{
			displayName: 'Product Code (SKU)',
			name: 'productCode',
			type: 'string',
			default: '',
			description: 'Only the product with exactly this code',
		},
	],
	query(filters) {
		const qs: IDataObject = {};
		if (filters.productCode !== undefined) qs.code = String(filters.productCode).trim();
		if (filters.eanCode !== undefined) qs.eanCode = String(filters.eanCode).trim();
		return qs;
	},
	tidy: tidyProduct,
});
