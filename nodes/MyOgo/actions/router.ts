import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RESOURCES } from './resources';
import { runItems } from './runItems';

/** Finds the operation the user picked and runs it over the input items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resourceValue = this.getNodeParameter('resource', 0) as string;
	const operationValue = this.getNodeParameter('operation', 0) as string;
	const resource = RESOURCES.find((candidate) => candidate.value === resourceValue);
	const operation = resource?.operations.find((candidate) => candidate.value === operationValue);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationValue}" of resource "${resourceValue}" is not supported`,
		);
	}
	return [await runItems.call(this, operation)];
}
