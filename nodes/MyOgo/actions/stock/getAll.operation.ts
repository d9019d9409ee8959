import { modifiedAfterFilter } from '../descriptions';
import { getManyOperation } from '../getMany';

export const getAllStock = getManyOperation({
	path: '/stock',
	filters: [
		{
			...modifiedAfterFilter,
			description:
				'Only stock that changed strictly after this time — "only what changed since". Overlap it a little with the previous run: a change can show up slightly after its timestamp.',
		},
	],
});
