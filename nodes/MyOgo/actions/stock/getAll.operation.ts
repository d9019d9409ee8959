import { modifiedAfterFilter } from '../common';
import { getManyOperation } from '../getMany';

export const getAllStock = getManyOperation({
	action: 'Get many stock levels',
	summary: 'Stock of every product, or only what changed since a time',
	path: '/stock',
	filters: [
		{
			...modifiedAfterFilter,
			description:
				'Only stock that changed strictly after this time — "only what changed since". Overlap it a little with the previous run: a change can show up slightly after its timestamp.',
		},
	],
});
