import { modifiedAfterFilter } from '../descriptions';
import { getManyOperation } from '../getMany';

export const getAllIncomingStock = getManyOperation({
	path: '/stockupdate',
	filters: [modifiedAfterFilter],
});
