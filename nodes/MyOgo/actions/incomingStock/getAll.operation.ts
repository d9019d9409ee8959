import { modifiedAfterFilter } from '../common';
import { getManyOperation } from '../getMany';

export const getAllIncomingStock = getManyOperation({
	path: '/stockupdate',
	filters: [modifiedAfterFilter],
});
