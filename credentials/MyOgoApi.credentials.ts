import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { MYOGO_ALL_SCOPES, requestAccessToken } from '../nodes/MyOgo/transport/accessToken';

export class MyOgoApi implements ICredentialType {
	name = 'myOgoApi';

	displayName = 'myOGO API';

	icon = { light: 'file:myOgo.svg', dark: 'file:myOgo.dark.svg' } as const;

	documentationUrl = 'https://openapi.ogoship.com';

	properties: INodeProperties[] = [
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 4f0c2a1e-…',
			description: 'In myOGO: Edit Merchant → Integrations → API Information.',
		},
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In myOGO: Edit Merchant → Integrations → API Information.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '123456',
			required: true,
			description:
				'OAuth client of the integration. The demo pair 123456 / abcdef works for test merchants; live merchants ask OGOship for their own.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: 'abcdef',
			required: true,
			description:
				'Secret of the OAuth client. The demo pair 123456 / abcdef works for test merchants; live merchants ask OGOship for their own.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: MYOGO_ALL_SCOPES,
			description:
				'Space-separated scopes to ask for. The default covers everything the myOGO nodes do.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Tokens from my.ogoship.com, data from api.ogoship.com',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Your own URLs, e.g. a proxy or a test host',
				},
			],
		},
		{
			displayName: 'Token Base URL',
			name: 'tokenBaseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://my.ogoship.com',
			description: 'Host that answers POST /OAuth/Token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://api.ogoship.com',
			description: 'Host that answers /api/v1/… calls',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			// Filled by preAuthentication; n8n clears an expirable field and calls it again on a 401.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const token = await requestAccessToken(
			(options) => this.helpers.httpRequest(options),
			credentials,
		);
		return { accessToken: token.accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// One product row is the cheapest authenticated call the API has.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.apiBaseUrl).replace(/\\/+$/, "") : "https://api.ogoship.com"}}',
			url: '/api/v1/products',
			qs: { limit: 1 },
		},
	};
}
