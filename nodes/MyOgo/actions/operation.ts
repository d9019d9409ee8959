import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What an operation sees of one input item. */
export interface ItemContext<Shared = unknown, Input = unknown> {
	itemIndex: number;
	item: INodeExecutionData;
	/** Whatever the operation's `prepare` built once for the whole run (e.g. a catalog read). */
	shared: Shared;
	/** What the operation's `build` made of this item (undefined when it has no `build`). */
	input: Input;
}

/** What `build` sees of one input item. */
export interface BuildContext {
	itemIndex: number;
	item: INodeExecutionData;
}

/** An item whose `build` succeeded, handed to `prepare`. */
export interface BuiltItem<Input> {
	itemIndex: number;
	input: Input;
}

/**
 * One myOGO operation: its fields, and what it does with one item. The item loop, continue-on-fail,
 * paired items and parallelism live once in `runItems`, so an operation is only "this item in,
 * these items out".
 *
 * Order of a run: `build` for every item (no calls: reads parameters and validates), then
 * `prepare` once, then `execute` per item. Without continue-on-fail an invalid item therefore stops
 * the run before anything is written to myOGO.
 */
export interface MyOgoOperation<Shared = unknown, Input = unknown> {
	/** Value of the `operation` parameter; its label, action and summary are in the resource's Operation dropdown. */
	value: string;
	/** Fields shown for this operation (displayOptions are added by `nodeProperties`). */
	properties: INodeProperties[];
	/** Reads and validates one item's parameters into the payload to send; must not call myOGO. */
	build?: (this: IExecuteFunctions, context: BuildContext) => Input | Promise<Input>;
	/** Runs once before the items, e.g. to read what myOGO holds in pages instead of once per item. */
	prepare?: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		built: Array<BuiltItem<Input>>,
	) => Promise<Shared>;
	/** Turns one input item into zero or more output JSON objects. */
	execute: (
		this: IExecuteFunctions,
		context: ItemContext<Shared, Input>,
	) => Promise<IDataObject | IDataObject[]>;
	/** True for operations that write one call per item: they run with "Parallel Requests". */
	parallel?: boolean;
	/** How the merchant knows the item (e.g. `Order 1042`), put in front of myOGO's error messages. */
	label?: (input: Input) => string | undefined;
}

export interface MyOgoResource {
	/** Value of the `resource` parameter. */
	value: string;
	/**
	 * The Operation dropdown shown for this resource, written out literally (labels, actions, default)
	 * so n8n's linter and verification scan can check it; one option per entry of `operations`.
	 */
	operationSelector: INodeProperties;
	// Each operation has its own Shared and Input types; the router only hands them back to it.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	operations: Array<MyOgoOperation<any, any>>;
}
