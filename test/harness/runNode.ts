import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { PACKAGE_PREFIX } from './nodeTypes';
import type { RunResult } from './runWorkflow';
import { runWorkflow } from './runWorkflow';

export interface NodeRun {
	/** Our node's name, e.g. `myOgo`. */
	type: string;
	parameters: INodeParameters;
	/** Input items: plain JSON objects or full items. */
	input?: Array<IDataObject | INodeExecutionData>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	typeVersion?: number;
	credentialsHelper?: HarnessCredentialsHelper;
}

export const NODE_NAME = 'myOGO';

function asItem(entry: IDataObject | INodeExecutionData, index: number): INodeExecutionData {
	const item =
		'json' in entry && typeof entry.json === 'object'
			? (entry as INodeExecutionData)
			: { json: entry as IDataObject };
	return { ...item, pairedItem: { item: index } };
}

/** Runs one of our nodes as the only node of a workflow, fed with the given items. */
export async function runNode(run: NodeRun): Promise<RunResult & { items: INodeExecutionData[] }> {
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'node-under-test',
					name: NODE_NAME,
					type: `${PACKAGE_PREFIX}.${run.type}`,
					typeVersion: run.typeVersion ?? 1,
					position: [0, 0],
					parameters: run.parameters,
					credentials: { myOgoApi: { id: 'cred-1', name: 'myOGO account' } },
					...(run.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				},
			],
			connections: {},
		},
		{
			credentials: run.credentials,
			credentialsHelper: run.credentialsHelper,
			input: (run.input ?? [{}]).map(asItem),
		},
	);
	const items = result.run.data.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0] ?? [];
	return { ...result, items };
}
