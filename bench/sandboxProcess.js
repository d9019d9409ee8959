// The myOGO sandbox (and, when named in argv, the store fakes) in their own process, so the
// benchmark's memory and CPU figures are the n8n side's only and the workflow's CPU never delays
// the fakes' replies. Started by bench/fakes.ts with child_process.fork; sends
// { url, wooCommerce?, shopify?, magento2? } once everything listens. argv: `woocommerce`, `shopify`,
// `magento2`.
const { startSandbox } = require('../sandbox/myogo');
const { startWooCommerceFake } = require('../sandbox/woocommerce');
const { startLatencyProxy } = require('./latencyProxy');

const LATENCY_MS = 50;

async function start() {
	const wanted = new Set(process.argv.slice(2));
	const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
	const closers = [() => sandbox.close()];
	const message = { url: sandbox.url };
	if (wanted.has('woocommerce')) {
		const woo = await startWooCommerceFake({ port: 0 });
		closers.push(() => woo.close());
		message.wooCommerce = {
			url: woo.url,
			port: woo.port,
			consumerKey: woo.consumerKey,
			consumerSecret: woo.consumerSecret,
		};
	}
	if (wanted.has('magento2')) {
		const { startMagentoFake } = require('../sandbox/magento2');
		const magento = await startMagentoFake({ port: 0 });
		closers.push(() => magento.close());
		message.magento2 = { url: magento.url, port: magento.port, accessToken: magento.accessToken };
	}
	if (wanted.has('shopify')) {
		const { startShopifyFake } = require('../sandbox/shopify');
		const { ensureCertificate } = require('../sandbox/shopify/certificate');
		const shop = await startShopifyFake({ port: 0 });
		const { key, cert } = await ensureCertificate();
		// n8n reaches the shop through the proxy (its Shop Subdomain names the proxy's port).
		const proxy = await startLatencyProxy({ target: shop.url, key, cert, latencyMs: LATENCY_MS });
		closers.push(
			() => proxy.close(),
			() => shop.close(),
		);
		message.shopify = {
			controlUrl: `${shop.url}/_fake`,
			shopSubdomain: `127.0.0.1:${proxy.port}/shop/`,
			accessToken: shop.accessToken,
			appSecret: shop.appSecret,
			clientId: shop.clientId,
			oauthAccessToken: shop.oauthAccessToken,
			latencyMs: LATENCY_MS,
		};
	}
	process.send(message);
	process.on('message', async (received) => {
		if (received === 'close') {
			for (const close of closers) await close();
			process.exit(0);
		}
	});
	process.on('disconnect', () => process.exit(0));
}

start();
