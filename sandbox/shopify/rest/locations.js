// @ts-check
'use strict';

const { notFound } = require('../errors');

/** `/locations.json`: n8n's Shopify node lists locations for its order "Location" dropdown. */

/** @typedef {import('../context').FakeContext} FakeContext */

/** @param {{ id: number, name: string, active: boolean, admin_graphql_api_id: string }} location */
function restLocation(location) {
	return {
		id: location.id,
		name: location.name,
		active: location.active,
		legacy: false,
		admin_graphql_api_id: location.admin_graphql_api_id,
	};
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {FakeContext} ctx
 */
function registerLocationRoutes(router, ctx) {
	router.add('GET', '/locations', () => ({
		status: 200,
		body: { locations: ctx.shop.locations.map(restLocation) },
	}));
	router.add('GET', '/locations/{id}', ({ params }) => {
		const location = ctx.shop.locations.find((l) => l.id === Number(params.id));
		if (!location) throw notFound();
		return { status: 200, body: { location: restLocation(location) } };
	});
}

module.exports = { registerLocationRoutes };
