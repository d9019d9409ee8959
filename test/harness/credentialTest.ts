import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';

import { buildAdditionalData, credentialTypes, newCredentialsHelper } from './runWorkflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** The stand-in node n8n's credential tester runs the `test.request` through. */
function testerNodeType(credentialType: string): INodeType {
	const { request } = credentialTypes.getByName(credentialType).test!;
	return {
		description: {
			displayName: 'No Operation',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request } },
			],
		},
	};
}

/**
 * Runs a credential's `test` the way n8n's "Test credential" button does: a temporary noOp node
 * whose single property routes the test request, run by n8n-core's RoutingNode, with
 * preAuthentication forced (n8n always fetches a fresh token when testing).
 */
export async function testCredential(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const nodeType = testerNodeType(credentialType);
	const registry: INodeTypes = {
		getByName: () => nodeType as INodeType | IVersionedNodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [credentialType]: { id: 'cred-under-test', name: 'under test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: registry,
	});
	const credentialsHelper = newCredentialsHelper({ [credentialType]: data });
	const additionalData = buildAdditionalData(
		credentialsHelper,
		new ExecutionLifecycleHooks('internal', 'credential-test', {
			id: 'x',
			nodes: [],
			connections: {},
		} as never),
	);
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		inputData,
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(context, nodeType, {
			id: 'cred-under-test',
			name: 'under test',
			type: credentialType,
			data,
		}).runNode();
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
