import http from 'node:http';
import axios from 'axios';
import { Sandbox, apiClient, controlClient, login, startWithClients } from './helpers';

/**
 * Benchmarks push 50,000 products and 10,000 stock changes through the sandbox: these prove it
 * stays correct at that size. Speed is measured by the benchmarks (npm run bench), never asserted.
 */
describe('sandbox: correct at benchmark sizes', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		({ sandbox } = await startWithClients());
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('seeds 50,000 products and walks them all with modifiedAfter in pages of 250', async () => {
		const products = Array.from({ length: 50000 }, (_, i) => ({
			code: `SKU-${i}`,
			languageCode: 'en',
			name: `Product ${i}`,
			salesPrice: 9.9,
		}));
		const seeded = await controlClient(sandbox).post(
			'/seed',
			{ products },
			{ maxBodyLength: Infinity },
		);
		expect(seeded.data).toMatchObject({ products: 50000 });

		const api = apiClient(sandbox, (await login(sandbox)).access_token);
		api.defaults.httpAgent = new http.Agent({ keepAlive: true });
		let count = 0;
		for (let page = 1; ; page++) {
			const rows = (
				await api.get('/products', {
					params: { modifiedAfter: '2000-01-01T00:00:00Z', limit: 250, page },
				})
			).data;
			count += rows.length;
			if (rows.length < 250) break;
		}
		expect(count).toBe(50000);
	});

	it('takes 10,000 stock changes and serves the changed rows after a cursor', async () => {
		const cursor = new Date(Date.now() - 1).toISOString();
		const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
		for (let batch = 0; batch < 10000; batch += 500) {
			await Promise.all(
				Array.from({ length: 500 }, (_, i) =>
					axios.put(
						`${sandbox.url}/_sandbox/stock/SKU-${(batch + i) * 5}`,
						{ stockAvailable: (batch + i) % 97 },
						{ httpAgent: agent },
					),
				),
			);
		}
		agent.destroy();

		const api = apiClient(sandbox, (await login(sandbox)).access_token);
		let changed = 0;
		for (let page = 1; ; page++) {
			const rows = (
				await api.get('/stock', { params: { modifiedAfter: cursor, limit: 250, page } })
			).data;
			changed += rows.length;
			if (rows.length < 250) break;
		}
		expect(changed).toBe(10000);
	});
});
