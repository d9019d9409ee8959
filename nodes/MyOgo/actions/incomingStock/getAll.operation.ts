import { modifiedAfterFilter } from '../common';
import { getManyOperation } from '../getMany';

export const getAllIncomingStock = getManyOperation({
	action: 'Get many incoming stock notices',
	summary: 'List incoming stock notices, e.g. those changed since a time',
	path: '/stockupdate',
	filters: [modifiedAfterFilter],
});
