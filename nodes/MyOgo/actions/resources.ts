import type { MyOgoResource } from './operation';
import { productResource } from './product/Product.resource';

/** Every resource of the myOGO node, in the order the resource dropdown shows them. */
export const RESOURCES: MyOgoResource[] = [productResource];
