import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsEncrypted,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import type { HarnessCredentialTypes } from './nodeTypes';

/**
 * Stands in for n8n's database of credentials. Behaves like the CLI's CredentialsHelper where it
 * matters to us: generic `authenticate` blocks are resolved as expressions, and `preAuthentication`
 * runs when the expirable field is empty or a call got 401, and stores what it returns.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Stored credential data by credential type (one credential per type is all tests need). */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** How often each type's preAuthentication ran: tests read it to prove refreshes. */
	readonly preAuthenticationRuns = new Map<string, number>();

	constructor(private readonly credentialTypes: HarnessCredentialTypes) {
		super();
	}

	setCredentials(byType: Record<string, ICredentialDataDecryptedObject>) {
		for (const [type, data] of Object.entries(byType)) this.store.set(type, { ...data });
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions & Record<string, any>;
		const type = this.credentialTypes.getByName(typeName);
		const { authenticate } = type;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		requestOptions.headers ??= {};
		for (const [section, fields] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
				const resolvedKey = this.resolve(key, credentials, workflow, node);
				const resolvedValue = this.resolve(value, credentials, workflow, node);
				requestOptions[section] ??= {};
				requestOptions[section][resolvedKey] = resolvedValue;
			}
		}
		return requestOptions;
	}

	private resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	) {
		if (!isExpression(value)) return value as string;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value as string,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n's credential tester always fetches a fresh token (its temp node is a noOp with `temp: ''`).
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		const empty = credentials[expirable.name] === '' || credentials[expirable.name] === undefined;
		if (!empty && !credentialsExpired && !isTestingCredentials) {
			return undefined;
		}
		this.preAuthenticationRuns.set(typeName, (this.preAuthenticationRuns.get(typeName) ?? 0) + 1);
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = Object.assign(credentials, output);
		this.store.set(typeName, {
			...(this.store.get(typeName) ?? {}),
			...(output as ICredentialDataDecryptedObject),
		});
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	) {
		const type = this.credentialTypes.getByName(typeName);
		return await type.preAuthentication?.call(helpers, credentials);
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(type);
		if (!data) throw new Error(`The test gave no credentials of type ${type}`);
		// A copy, as the database would give: a node cannot change the stored credential by accident.
		return { ...data };
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const data = this.store.get(type) ?? {};
		return {
			id: nodeCredentials.id ?? undefined,
			name: nodeCredentials.name,
			type,
			data: undefined,
			getData: () => ({ ...data }),
			getDataToSave: () => ({}) as ICredentialsEncrypted,
			setData: () => undefined,
		} as unknown as ICredentials;
	}

	async updateCredentials(
		_n: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(
		_n: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getByName(type).properties;
	}
}
