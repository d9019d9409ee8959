// What the action node and both triggers share about myOGO's orders (the triggers import it from
// here, not from the action node's UI files).

/** myOGO's order statuses, lowercase as on the wire (also the polling trigger's status choices). */
export const ORDER_STATUSES = [
	'draft',
	'reserved',
	'new',
	'locked',
	'collecting',
	'pending',
	'cancelled',
	'shipped',
	'returned',
] as const;

/** The statuses as choices of a multiOptions field: "Shipped" shown, `shipped` stored. */
export const ORDER_STATUS_OPTIONS = ORDER_STATUSES.map((status) => ({
	name: status.charAt(0).toUpperCase() + status.slice(1),
	value: status,
}));
