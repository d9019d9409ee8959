import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { MyOgo } from '../../nodes/MyOgo/MyOgo.node';
import { MyOgoTrigger } from '../../nodes/MyOgoTrigger/MyOgoTrigger.node';
import { MyOgoWebhookTrigger } from '../../nodes/MyOgoWebhookTrigger/MyOgoWebhookTrigger.node';

/**
 * Our package's node classes by node name, loaded from source so tests need no build.
 * Add each new node here when it lands.
 */
export const PACKAGE_NODE_CLASSES: Record<string, new () => INodeType | IVersionedNodeType> = {
	myOgo: MyOgo,
	myOgoTrigger: MyOgoTrigger,
	myOgoWebhookTrigger: MyOgoWebhookTrigger,
};

/** Nodes that exist only for tests (type prefix `test.`). */
export const TEST_NODE_CLASSES: Record<string, new () => INodeType | IVersionedNodeType> = {
	// Loaded lazily so a test that does not need it does not import it.
	// A parent for our node that hands its input on, as n8n's No Op does, without n8n's own nodes.
	get passThrough() {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require('./passThrough').PassThrough;
	},
	get transportProbe() {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		return require('./transportProbe').TransportProbe;
	},
};
