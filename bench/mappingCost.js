#!/usr/bin/env node
// Node cost: CPU time per order of our Shopify order → myOGO order mapping, no network.
// Run after `npm run build` (it measures the compiled code n8n runs): `npm run bench:mapping`.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { mapShopifyOrder } = require('../dist/nodes/MyOgo/mapping');

const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'shopify');
const orders = [
	'order-paid-fi-eur-taxes-included.json',
	'order-us-usd-taxes-excluded.json',
	'order-se-sek-billing-only-test.json',
].map((file) => JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')));

const options = {
	referenceFrom: 'number',
	shippingMethodMap: [{ storeMethod: 'Standard', shippingCode: 'POSTI_PAKETTI' }],
	defaultShippingCode: 'POSTI_PAKETTI',
	linesWithoutSku: 'skip',
};

const RUNS = 10_000;
for (let i = 0; i < 2_000; i++) mapShopifyOrder(orders[i % orders.length], options); // warm the JIT

const cpuBefore = process.cpuUsage();
const wallBefore = process.hrtime.bigint();
let lines = 0;
for (let i = 0; i < RUNS; i++)
	lines += mapShopifyOrder(orders[i % orders.length], options).order.orderLines.length;
const wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuMicros = cpu.user + cpu.system;

console.log('| case | orders | lines mapped | CPU µs per order | wall µs per order | target |');
console.log('|---|---|---|---|---|---|');
console.log(
	`| mapping: Shopify order → myOGO order | ${RUNS} | ${lines} | ${(cpuMicros / RUNS).toFixed(2)} | ${(wallMicros / RUNS).toFixed(2)} | ≤ 50 |`,
);
