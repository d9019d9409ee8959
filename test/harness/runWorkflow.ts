import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { HarnessCredentialsHelper } from './credentialsHelper';
import { HarnessCredentialTypes, HarnessNodeTypes } from './nodeTypes';
import { useInMemoryProcessedData } from './processedData';

export interface WorkflowDefinition {
	/** The workflow's id ('harness' by default); n8n keeps a workflow's processed data under it. */
	id?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
}

export interface RunOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items handed to the start node (its "input"). */
	input?: INodeExecutionData[];
	/** Name of the node to start from; the first node without inputs by default. */
	startNode?: string;
	/**
	 * The trigger that handed `input` to `startNode`: recorded as having run with it, as in a real
	 * execution, so expressions such as `$('Trigger').isExecuted` or `$('Trigger').item` see it.
	 */
	fromTrigger?: string;
	mode?: WorkflowExecuteMode;
	/** Reuse a helper across runs to keep a fetched access token, as n8n's database would. */
	credentialsHelper?: HarnessCredentialsHelper;
}

export interface RunResult {
	run: IRun;
	workflow: Workflow;
	credentialsHelper: HarnessCredentialsHelper;
	/** The items a node put out on output `outputIndex` of its run `runIndex`. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** Just the JSON of those items. */
	json(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; context?: IDataObject };
}

export const nodeTypes = new HarnessNodeTypes();
export const credentialTypes = new HarnessCredentialTypes();

export function newCredentialsHelper(
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
) {
	const helper = new HarnessCredentialsHelper(credentialTypes);
	helper.setCredentials(credentials);
	return helper;
}

/** The parts of n8n's per-execution context that nodes reach for; the rest stay empty. */
export function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const additionalData = {
		credentialsHelper,
		hooks,
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		logAiEvent: () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the test harness');
		},
		getRunExecutionData: async () => undefined,
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

function startNodeOf(workflow: Workflow, name?: string): INode {
	if (name) {
		const node = workflow.getNode(name);
		if (!node) throw new Error(`No node named "${name}"`);
		return node;
	}
	const start = workflow.getStartNode();
	if (!start) throw new Error('The workflow has no start node');
	return start;
}

let executions = 0;

/**
 * Runs a workflow in-process with n8n-core's WorkflowExecute, the engine real n8n runs, and returns
 * every node's output. Our nodes talk over real HTTP to whatever the credentials point at.
 */
export async function runWorkflow(
	definition: WorkflowDefinition,
	options: RunOptions,
): Promise<RunResult> {
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	if (options.credentialsHelper) {
		for (const [type, data] of Object.entries(options.credentials)) {
			if (!credentialsHelper.store.has(type)) credentialsHelper.store.set(type, { ...data });
		}
	}
	await useInMemoryProcessedData();
	const workflow = new Workflow({
		id: definition.id ?? 'harness',
		name: 'harness',
		nodes: definition.nodes,
		connections: definition.connections,
		nodeTypes,
		settings: definition.settings ?? { executionOrder: 'v1' },
		staticData: definition.staticData,
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'harness-execution', {
		id: 'harness',
		name: 'harness',
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished.resolve(fullRunData));
	const additionalData = buildAdditionalData(credentialsHelper, hooks);
	// Every real execution has its own id ($execution.id); templates build idempotency keys from it.
	additionalData.executionId = `harness-${++executions}`;

	const startNode = startNodeOf(workflow, options.startNode);
	const input = options.input ?? [{ json: {} }];
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: options.fromTrigger
			? {
					runData: {
						[options.fromTrigger]: [
							{
								startTime: Date.now(),
								executionIndex: 0,
								executionTime: 0,
								source: [],
								data: { main: [input] },
							},
						],
					},
				}
			: undefined,
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [input] },
					source: options.fromTrigger
						? { main: [{ previousNode: options.fromTrigger, previousNodeOutput: 0 }] }
						: null,
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(
		additionalData,
		options.mode ?? 'manual',
		runExecutionData,
	);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished.promise;

	const output = (nodeName: string, outputIndex = 0, runIndex = 0) => {
		const taskData = run.data.resultData.runData[nodeName]?.[runIndex];
		if (!taskData) {
			const error = run.data.resultData.error;
			throw new Error(
				`Node "${nodeName}" did not run${error ? `; the workflow stopped with: ${error.message}` : ''}`,
			);
		}
		return taskData.data?.main?.[outputIndex] ?? [];
	};
	return {
		run,
		workflow,
		credentialsHelper,
		output,
		json: (nodeName, outputIndex, runIndex) =>
			output(nodeName, outputIndex, runIndex).map((item) => item.json),
		error: run.data.resultData.error as RunResult['error'],
	};
}
