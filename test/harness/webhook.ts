import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { PACKAGE_PREFIX } from './nodeTypes';
import { buildAdditionalData, newCredentialsHelper, nodeTypes } from './runWorkflow';

export const WEBHOOK_NODE_NAME = 'myOGO Webhook Trigger';

export interface WebhookTriggerOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	credentialsHelper?: HarnessCredentialsHelper;
}

/** What the receiver answered to one call, and whether the call started the workflow. */
export interface Call {
	status: number;
	body: unknown;
	/** The items handed to the workflow, when the call started it. */
	items?: IDataObject[];
}

type WebhookMethod = 'checkExists' | 'create' | 'delete';

function toStored(staticData: IDataObject): IDataObject {
	return JSON.parse(
		JSON.stringify(staticData, (key, value) => (key === '__dataChanged' ? undefined : value)),
	);
}

/**
 * Our webhook trigger hosted the way n8n hosts it, in-process, with n8n-core's real HookContext and
 * WebhookContext:
 *
 * - activation runs `checkExists`, then `create` when it answered false; deactivation runs `delete`;
 * - a tiny HTTP server on 127.0.0.1 plays n8n's webhook endpoint: it reads the raw body (as n8n's
 *   rawBodyReader does), calls the node's `webhook()`, and answers as n8n would (the node's own
 *   answer when it wrote one, else 200);
 * - every call starts from the saved static data and saves it afterwards, as n8n's live webhooks do.
 */
export class WebhookTrigger {
	persisted: IDataObject = {};

	readonly credentialsHelper: HarnessCredentialsHelper;

	readonly node: INode;

	/** Every call the receiver got, in order. */
	readonly calls: Call[] = [];

	/** Called before webhook(); may answer the call itself (e.g. fail it) by returning true. */
	intercept?: (res: http.ServerResponse, callIndex: number) => boolean | Promise<boolean>;

	/** Called after webhook() and before the answer is sent (e.g. to answer too late). */
	beforeAnswer?: (callIndex: number) => Promise<void>;

	private server?: http.Server;

	private baseUrl = 'http://127.0.0.1:5678/webhook';

	constructor(options: WebhookTriggerOptions) {
		this.credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
		this.node = {
			id: 'webhook-trigger',
			name: WEBHOOK_NODE_NAME,
			type: `${PACKAGE_PREFIX}.myOgoWebhookTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: options.parameters,
			credentials: { myOgoApi: { id: 'cred-1', name: 'myOGO account' } },
		};
	}

	/** This node's production webhook URL, as n8n builds it. */
	get url(): string {
		return `${this.baseUrl}/${this.node.webhookId}/webhook`;
	}

	get items(): IDataObject[][] {
		return this.calls.filter((call) => call.items).map((call) => call.items!);
	}

	setParameters(parameters: INodeParameters) {
		this.node.parameters = parameters;
	}

	private nodeType(): INodeType {
		return nodeTypes.getByNameAndVersion(this.node.type, 1) as INodeType;
	}

	private workflow(): Workflow {
		return new Workflow({
			id: 'webhook-harness',
			name: 'webhook harness',
			nodes: [this.node],
			connections: {},
			nodeTypes,
			settings: { executionOrder: 'v1' },
			staticData: JSON.parse(JSON.stringify(this.persisted)),
			active: true,
		});
	}

	private additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('webhook', 'webhook-harness', {
			id: 'webhook-harness',
			name: 'webhook harness',
			nodes: [this.node],
			connections: {},
		} as never);
		return {
			...buildAdditionalData(this.credentialsHelper, hooks),
			webhookBaseUrl: this.baseUrl,
			...extra,
		};
	}

	/** Runs one lifecycle method with a HookContext, then saves the static data. */
	async hook(method: WebhookMethod): Promise<boolean> {
		const workflow = this.workflow();
		const context = new HookContext(
			workflow,
			this.node,
			this.additionalData(),
			'trigger',
			'activate',
		);
		const methods = this.nodeType().webhookMethods?.default;
		if (!methods?.[method]) throw new Error(`no webhookMethods.default.${method}`);
		const result = await methods[method]!.call(context);
		this.persisted = toStored(workflow.staticData);
		return result;
	}

	/** n8n's activation: create the subscription unless checkExists finds it. */
	async activate(): Promise<{ existed: boolean }> {
		const existed = await this.hook('checkExists');
		if (!existed) await this.hook('create');
		return { existed };
	}

	async deactivate(): Promise<boolean> {
		return await this.hook('delete');
	}

	/** Starts the receiver; the node's webhook URL then points at it. */
	async listen(): Promise<void> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				void this.handle(req, res, Buffer.concat(chunks)).catch((error: Error) => {
					if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ message: error.message }));
				});
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}/webhook`;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server!.close(resolve));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer) {
		const index = this.calls.length;
		const call: Call = { status: 0, body: undefined };
		this.calls.push(call);
		if (this.intercept && (await this.intercept(res, index))) {
			call.status = res.statusCode;
			return;
		}
		let body: unknown = {};
		if (String(req.headers['content-type'] ?? '').startsWith('application/json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const request = Object.assign(req, { rawBody, body, readRawBody: async () => undefined });
		const workflow = this.workflow();
		const description = this.nodeType().description.webhooks![0];
		const additionalData = this.additionalData({
			httpRequest: request as never,
			httpResponse: res as never,
		});
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: this.node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: 'webhook-harness',
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = (await this.nodeType().webhook!.call(context)) as IWebhookResponseData;
		this.persisted = toStored(workflow.staticData);
		if (result.workflowData) call.items = result.workflowData[0].map((item) => item.json);
		if (this.beforeAnswer) await this.beforeAnswer(index);
		if (result.noWebhookResponse) {
			call.status = res.statusCode;
			return;
		}
		const answer = result.workflowData
			? { message: 'Workflow was started' }
			: (result.webhookResponse ?? { message: 'Webhook call received' });
		call.status = 200;
		call.body = answer;
		if (!res.writableEnded) {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer));
		}
	}
}
