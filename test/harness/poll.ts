import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { PACKAGE_PREFIX } from './nodeTypes';
import { buildAdditionalData, newCredentialsHelper, nodeTypes } from './runWorkflow';

export const TRIGGER_NODE_NAME = 'myOGO Trigger';

export interface PollingTriggerOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	/** Node type name without the package prefix; `myOgoTrigger` by default. */
	type?: string;
	timezone?: string;
	credentialsHelper?: HarnessCredentialsHelper;
}

/** Static data as n8n's database holds it: plain JSON, without the in-memory change flag. */
function toStored(staticData: IDataObject): IDataObject {
	return JSON.parse(
		JSON.stringify(staticData, (key, value) => (key === '__dataChanged' ? undefined : value)),
	);
}

/**
 * An active polling trigger the way n8n runs one, in-process, with n8n-core's real PollContext:
 *
 * - one long-lived Workflow object holds the static data in memory between polls (as n8n's
 *   ActiveWorkflows does);
 * - `persisted` is what n8n's database holds. n8n saves the static data after the activation poll
 *   (whatever it returned) and whenever a poll emits (returns non-null), never otherwise;
 * - `restart()` throws the in-memory workflow away and builds a new one from `persisted`
 *   (JSON round-tripped), as after an n8n restart or a re-activation.
 */
export class PollingTrigger {
	/** The static data as last saved to "the database". */
	persisted: IDataObject = {};

	readonly credentialsHelper: HarnessCredentialsHelper;

	private workflow!: Workflow;

	private readonly node: INode;

	/** Number of polls that ran (activation, trigger and manual). */
	polls = 0;

	constructor(private readonly options: PollingTriggerOptions) {
		this.credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
		this.node = {
			id: 'poll-trigger',
			name: TRIGGER_NODE_NAME,
			type: `${PACKAGE_PREFIX}.${options.type ?? 'myOgoTrigger'}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: { myOgoApi: { id: 'cred-1', name: 'myOGO account' } },
		};
		this.restart();
	}

	/** The in-memory static data of the running workflow (what the next poll sees). */
	get live(): IDataObject {
		return toStored(this.workflow.staticData);
	}

	/** Changes a node parameter (as a user editing the active workflow would, then re-activating). */
	setParameters(parameters: INodeParameters) {
		this.node.parameters = parameters;
		this.restart();
	}

	/** A new Workflow object from the saved static data: an n8n restart. */
	restart() {
		this.workflow = new Workflow({
			id: 'poll-harness',
			name: 'poll harness',
			nodes: [this.node],
			connections: {},
			nodeTypes,
			settings: {
				executionOrder: 'v1',
				...(this.options.timezone ? { timezone: this.options.timezone } : {}),
			},
			staticData: JSON.parse(JSON.stringify(this.persisted)),
			active: true,
		});
	}

	private async run(mode: WorkflowExecuteMode, activation: 'activate' | 'init' | 'manual') {
		const workflowData = {
			id: 'poll-harness',
			name: 'poll harness',
			nodes: [this.node],
			connections: {},
		};
		const hooks = new ExecutionLifecycleHooks(mode, `poll-${this.polls}`, workflowData as never);
		const additionalData = buildAdditionalData(this.credentialsHelper, hooks);
		const context = new PollContext(this.workflow, this.node, additionalData, mode, activation);
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, 1) as INodeType;
		if (!nodeType.poll) throw new Error(`${this.node.type} has no poll()`);
		this.polls++;
		return await nodeType.poll.call(context);
	}

	/** The poll n8n runs when the workflow is activated; n8n saves the static data afterwards. */
	async activate(): Promise<IDataObject[] | null> {
		const result = await this.run('trigger', 'activate');
		this.persisted = toStored(this.workflow.staticData);
		return jsonOf(result);
	}

	/** A scheduled poll: the static data is saved only when it emits. */
	async poll(): Promise<IDataObject[] | null> {
		const result = await this.run('trigger', 'activate');
		if (result !== null) this.persisted = toStored(this.workflow.staticData);
		return jsonOf(result);
	}

	/** "Fetch Test Event" in the editor: manual mode; n8n saves no static data for it. */
	async manual(): Promise<IDataObject[] | null> {
		return jsonOf(await this.run('manual', 'manual'));
	}
}

function jsonOf(result: INodeExecutionData[][] | null): IDataObject[] | null {
	if (result === null) return null;
	return (result[0] ?? []).map((item) => item.json);
}
