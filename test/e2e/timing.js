/**
 * Prints how long the end-to-end tier took (Jest's globalSetup and globalTeardown both call this).
 */
module.exports = async () => {
	const started = Number(process.env.MYOGO_E2E_STARTED_AT);
	if (!started) {
		process.env.MYOGO_E2E_STARTED_AT = String(Date.now());
		return;
	}
	console.log(`\nend-to-end tier took ${Math.round((Date.now() - started) / 1000)} s`);
};
