import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { myOgoList, myOgoRequest } from '../MyOgo/transport';
import { forgetAll, noteSubscription } from './replay';
import { newSigningKey } from './signature';

export type WebhookEvent = 'orderShipped' | 'stockChanged';

/** myOGO's subscription type for each event, by name and by its number in OGOship's 2019 client. */
export const SUBSCRIPTION_TYPES: Record<WebhookEvent, { name: string; number: number }> = {
	orderShipped: { name: 'OrderShipped', number: 1 },
	stockChanged: { name: 'ProductStockLevelChanged', number: 2 },
};

/**
 * The node's Event, checked: a workflow saved with an event this version does not know (an older
 * name, a typo in imported JSON) fails activation with a message that says what to pick, instead
 * of a TypeError deep in the subscription code.
 */
export function eventOf(context: IHookFunctions | IWebhookFunctions): WebhookEvent {
	const event = context.getNodeParameter('event') as string;
	if (Object.prototype.hasOwnProperty.call(SUBSCRIPTION_TYPES, event)) return event as WebhookEvent;
	throw new NodeOperationError(context.getNode(), `Unknown event "${event}"`, {
		description: `Open the trigger and pick its Event again (known events: ${Object.keys(SUBSCRIPTION_TYPES).join(', ')}).`,
	});
}

/** What the node keeps in its static data about its subscription. */
export interface StoredSubscription {
	webhookId?: string;
	/** The HMAC key myOGO signs deliveries with; made fresh for every subscription. */
	signingKey?: string;
}

/** True when a type from myOGO (name or number) is this event's type. */
export function isType(value: unknown, event: WebhookEvent): boolean {
	const type = SUBSCRIPTION_TYPES[event];
	if (typeof value === 'number') return value === type.number;
	if (typeof value !== 'string') return false;
	const text = value.trim();
	return text.toLowerCase() === type.name.toLowerCase() || text === String(type.number);
}

function stored(staticData: IDataObject): StoredSubscription {
	return staticData as StoredSubscription;
}

async function deleteSubscription(this: IHookFunctions, id: string): Promise<boolean> {
	try {
		await myOgoRequest.call(this, {
			method: 'DELETE',
			path: `/webhooks/${encodeURIComponent(id)}`,
		});
		return true;
	} catch (error) {
		// Already gone is what we wanted.
		if (String((error as { httpCode?: unknown }).httpCode) === '404') return true;
		this.logger.warn(
			`myOGO webhook subscription ${id} could not be deleted: ${(error as Error).message}`,
		);
		return false;
	}
}

/**
 * Whether our subscription still exists in myOGO exactly as we made it: same id, this node's
 * URL, this event's type, and (when myOGO shows it) our signing key. Any other subscription to this
 * node's URL is an orphan (left by an earlier activation whose deactivation failed, or made for
 * another event) and is deleted, so deliveries never double up or arrive for the wrong event.
 */
export async function subscriptionExists(
	this: IHookFunctions,
	event: WebhookEvent,
): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const mine = stored(staticData);
	const url = this.getNodeWebhookUrl('default');
	const subscriptions = await myOgoList.call(this, { path: '/webhooks' });
	const current = subscriptions.find(
		(s) => mine.webhookId !== undefined && s.id === mine.webhookId,
	);
	const intact =
		current !== undefined &&
		!!mine.signingKey &&
		current.url === url &&
		isType(current.type, event) &&
		(current.key === undefined || current.key === mine.signingKey);
	for (const subscription of subscriptions) {
		if (intact && subscription === current) continue;
		if (subscription.url === url || subscription === current) {
			await deleteSubscription.call(this, String(subscription.id));
		}
	}
	noteSubscription(
		this.getWorkflow().id,
		this.getNode().name,
		intact ? mine.signingKey : undefined,
	);
	if (intact) return true;
	delete mine.webhookId;
	delete mine.signingKey;
	return false;
}

/** Registers a subscription for this event to this node's URL, with a fresh signing key. */
export async function createSubscription(
	this: IHookFunctions,
	event: WebhookEvent,
): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave no webhook URL for this node');
	const key = newSigningKey();
	const reply = (await myOgoRequest.call(this, {
		method: 'POST',
		path: '/webhooks',
		body: { url, key, type: SUBSCRIPTION_TYPES[event].name },
	})) as IDataObject;
	if (!reply || typeof reply.id !== 'string' || reply.id === '') {
		throw new NodeOperationError(
			this.getNode(),
			'myOGO accepted the webhook subscription but sent no id back',
			{
				description:
					'Without the id the subscription could not be removed on deactivation. Try activating again.',
			},
		);
	}
	const staticData = this.getWorkflowStaticData('node');
	const mine = stored(staticData);
	mine.webhookId = reply.id;
	mine.signingKey = key;
	forgetAll(staticData);
	noteSubscription(this.getWorkflow().id, this.getNode().name, key);
	return true;
}

/** Removes our subscription; true when it is gone (also when myOGO no longer knew it). */
export async function removeSubscription(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const mine = stored(staticData);
	if (mine.webhookId === undefined) return true;
	if (!(await deleteSubscription.call(this, mine.webhookId))) return false;
	delete mine.webhookId;
	delete mine.signingKey;
	forgetAll(staticData);
	noteSubscription(this.getWorkflow().id, this.getNode().name, undefined);
	return true;
}
