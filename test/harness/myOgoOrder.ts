import type { AxiosInstance } from 'axios';

/** A myOGO order as a sync template would have sent it: one line of `code`, a Finnish address. */
export function myOgoOrderBody(
	reference: string,
	code: string,
	quantity = 1,
	shippingCode = 'POSTI_PAKETTI',
): Record<string, unknown> {
	return {
		reference,
		shippingCode,
		customer: {
			name: 'Aino Virtanen',
			address1: 'Mannerheimintie 1',
			city: 'Helsinki',
			countryCode: 'FI',
			zip: '00100',
		},
		orderLines: [{ code, quantity }],
	};
}

/** Creates an order in myOGO directly (as a sync template would have sent it): one line of `code`. */
export async function createMyOgoOrder(
	myOgoApi: AxiosInstance,
	reference: string,
	code: string,
	quantity = 1,
	shippingCode = 'POSTI_PAKETTI',
): Promise<void> {
	await myOgoApi.post('/orders', myOgoOrderBody(reference, code, quantity, shippingCode));
}
