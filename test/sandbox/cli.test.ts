import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { PASSWORD_GRANT } from './helpers';

describe('sandbox: node sandbox/myogo/cli.js', () => {
	let child: ChildProcess | undefined;

	afterEach(() => {
		if (child && child.exitCode === null) child.kill('SIGKILL');
	});

	it('prints the credential values, answers calls, seeds the demo shop and stops on SIGTERM', async () => {
		child = spawn(
			process.execPath,
			[path.join(__dirname, '../../sandbox/myogo/cli.js'), '--seed', '--quiet'],
			{
				env: { ...process.env, MYOGO_SANDBOX_PORT: '0' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		const deadline = Date.now() + 10000;
		while (!output.includes('Control API') && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 25));

		const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
		expect(url).toBeDefined();
		expect(output).toContain('Environment:    Custom');
		expect(output).toContain(`Token Base URL: ${url}\n`);
		expect(output).toContain(`API Base URL:   ${url}\n`);
		expect(output).toMatch(/Merchant ID: +sandbox-merchant/);
		expect(output).toMatch(/Secret Token: +sandbox-secret/);
		expect(output).toMatch(/Client ID: +123456/);
		expect(output).toMatch(/Client Secret: +abcdef/);
		expect(output).toContain(`${url}/_sandbox`);
		expect(output).toContain('Seeded the demo shop: 12 products');

		const token = await axios.post(
			`${url}/OAuth/Token`,
			new URLSearchParams(PASSWORD_GRANT).toString(),
			{
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			},
		);
		const products = await axios.get(`${url}/api/v1/products`, {
			headers: { Authorization: `Bearer ${token.data.access_token}` },
		});
		expect(products.data).toHaveLength(12);
		expect(products.data.map((p: { code: string }) => p.code)).toContain('TSHIRT-BLUE-M');
		const orders = await axios.get(`${url}/api/v1/orders`, {
			headers: { Authorization: `Bearer ${token.data.access_token}` },
		});
		expect(orders.data.map((o: { status: string }) => o.status).sort()).toEqual(['new', 'shipped']);

		const exited = new Promise<number | null>((resolve) =>
			child!.on('exit', (code) => resolve(code)),
		);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(output).toContain('stopping the sandbox');
	});

	it('refuses an unknown option', async () => {
		child = spawn(
			process.execPath,
			[path.join(__dirname, '../../sandbox/myogo/cli.js'), '--bogus'],
			{ stdio: 'ignore' },
		);
		const code = await new Promise<number | null>((resolve) =>
			child!.on('exit', (c) => resolve(c)),
		);
		expect(code).toBe(2);
	});
});
