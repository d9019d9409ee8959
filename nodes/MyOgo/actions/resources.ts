import { incomingStockResource } from './incomingStock/IncomingStock.resource';
import type { MyOgoResource } from './operation';
import { orderResource } from './order/Order.resource';
import { productResource } from './product/Product.resource';
import { stockResource } from './stock/Stock.resource';

/** Every resource of the myOGO node, in the order the resource dropdown shows them. */
export const RESOURCES: MyOgoResource[] = [
	orderResource,
	productResource,
	stockResource,
	incomingStockResource,
];
