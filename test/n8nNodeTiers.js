/**
 * The test folders that run n8n's own nodes (installed in dev/n8n by `npm run setup:n8n`): they form
 * the template tier (`npm run test:templates`), and `npm test`'s quick loop leaves them out.
 */
module.exports = [
	'<rootDir>/test/templates/',
	'<rootDir>/test/harness-tests/',
	// The store fakes' conformance tests also drive n8n's own Shopify and WooCommerce nodes against them.
	'<rootDir>/test/sandbox/stores/',
];
