/**
 * A plain HTTP endpoint on 127.0.0.1 for a fake's webhook deliveries: keeps each raw body and its headers,
 * and answers each with the status `answer` picks (200 unless told), so a test can make deliveries fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
	headers: http.IncomingHttpHeaders;
	body: string;
}

export async function startWebhookReceiver(answer: () => number = () => 200) {
	const received: ReceivedDelivery[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			res.statusCode = answer();
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		received,
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
