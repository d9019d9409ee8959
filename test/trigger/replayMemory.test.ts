/**
 * The webhook trigger's replay memory (nodes/MyOgoWebhookTrigger/replay.ts) in the situations the n8n
 * versions create: static data written by webhook() saved (2.8) or silently dropped (2.40), the run's
 * execute() saving it, and an n8n restart (a fresh module: an empty process memory).
 */
import type { IDataObject } from 'n8n-workflow';

import type * as Replay from '../../nodes/MyOgoWebhookTrigger/replay';

const NOW = Date.parse('2026-12-03T08:00:00.000Z');

/** The replay module as a freshly started n8n process loads it. */
function freshProcess(): typeof Replay {
	let loaded: typeof Replay | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../nodes/MyOgoWebhookTrigger/replay');
	});
	return loaded!;
}

/** What n8n loads from its database for one call or run: a copy of what was saved. */
const load = (saved: IDataObject): IDataObject => JSON.parse(JSON.stringify(saved));

describe('replay memory', () => {
	const name = (replay: typeof Replay, key = 'signing-key-1') =>
		replay.memoryName('wf1', 'myOGO Webhook Trigger', 'webhook', key);

	test('a copy is refused in the same process even when n8n dropped what webhook() wrote (n8n 2.40)', () => {
		const replay = freshProcess();
		const saved: IDataObject = { signingKey: 'signing-key-1' };
		const first = { staticData: load(saved), name: name(replay) };
		expect(replay.seenRecently(first, 'hash-a', NOW)).toBe(false);
		replay.remember(first, 'hash-a', NOW);
		// Not saved: the next call loads the old static data again.
		expect(
			replay.seenRecently({ staticData: load(saved), name: name(replay) }, 'hash-a', NOW + 1000),
		).toBe(true);
	});

	test('the run saves the memory through execute(), so it survives a restart', () => {
		const before = freshProcess();
		const saved: IDataObject = { signingKey: 'signing-key-1' };
		before.remember({ staticData: load(saved), name: name(before) }, 'hash-a', NOW);
		// The run the delivery started: static data as loaded at its start, saved when it ends.
		const run = load(saved);
		before.keepInStaticData(
			{ staticData: run, name: name(before) },
			'wf1',
			'myOGO Webhook Trigger',
			NOW + 500,
		);
		Object.assign(saved, run);

		const after = freshProcess();
		expect(
			after.seenRecently({ staticData: load(saved), name: name(after) }, 'hash-a', NOW + 60_000),
		).toBe(true);
		expect(
			after.seenRecently({ staticData: load(saved), name: name(after) }, 'hash-b', NOW + 60_000),
		).toBe(false);
	});

	test('what only the process remembered is gone after a restart (why execute() saves it)', () => {
		const before = freshProcess();
		const saved: IDataObject = { signingKey: 'signing-key-1' };
		before.remember({ staticData: load(saved), name: name(before) }, 'hash-a', NOW);
		const after = freshProcess();
		expect(
			after.seenRecently({ staticData: load(saved), name: name(after) }, 'hash-a', NOW + 1000),
		).toBe(false);
	});

	test('execute() leaves static data untouched when it already holds everything (nothing to save)', () => {
		const replay = freshProcess();
		const staticData: IDataObject = { signingKey: 'signing-key-1' };
		const memory = { staticData, name: name(replay) };
		replay.remember(memory, 'hash-a', NOW);
		const stored = staticData.recentDeliveries;
		replay.keepInStaticData(memory, 'wf1', 'myOGO Webhook Trigger', NOW + 1);
		expect(staticData.recentDeliveries).toBe(stored);
	});

	test('a run that began before a reactivation writes nothing (saving its old subscription would undo the new one)', () => {
		const replay = freshProcess();
		replay.noteSubscription('wf1', 'myOGO Webhook Trigger', 'signing-key-1');
		const run: IDataObject = { signingKey: 'signing-key-1', webhookId: 'old' };
		replay.remember({ staticData: load(run), name: name(replay) }, 'hash-a', NOW);
		replay.noteSubscription('wf1', 'myOGO Webhook Trigger', 'signing-key-2');
		replay.keepInStaticData(
			{ staticData: run, name: name(replay) },
			'wf1',
			'myOGO Webhook Trigger',
			NOW + 1,
		);
		expect(run).toEqual({ signingKey: 'signing-key-1', webhookId: 'old' });
		// A run of the current subscription does write.
		const current: IDataObject = { signingKey: 'signing-key-2', webhookId: 'new' };
		replay.remember(
			{ staticData: load(current), name: name(replay, 'signing-key-2') },
			'hash-b',
			NOW + 2,
		);
		replay.keepInStaticData(
			{ staticData: current, name: name(replay, 'signing-key-2') },
			'wf1',
			'myOGO Webhook Trigger',
			NOW + 3,
		);
		expect(current.recentDeliveries).toEqual({ 'hash-b': NOW + 2 });
	});

	test('a new signing key (a new subscription) starts with an empty process memory', () => {
		const replay = freshProcess();
		replay.remember({ staticData: {}, name: name(replay, 'signing-key-1') }, 'hash-a', NOW);
		expect(
			replay.seenRecently({ staticData: {}, name: name(replay, 'signing-key-2') }, 'hash-a', NOW),
		).toBe(false);
		expect(
			replay.seenRecently({ staticData: {}, name: name(replay, 'signing-key-1') }, 'hash-a', NOW),
		).toBe(true);
	});

	test('entries expire after REPLAY_MEMORY_MS and only the newest REPLAY_MEMORY_SIZE are kept', () => {
		const replay = freshProcess();
		const memory = { staticData: {} as IDataObject, name: name(replay) };
		replay.remember(memory, 'old', NOW);
		expect(replay.seenRecently(memory, 'old', NOW + replay.REPLAY_MEMORY_MS - 1)).toBe(true);
		expect(replay.seenRecently(memory, 'old', NOW + replay.REPLAY_MEMORY_MS)).toBe(false);

		for (let i = 0; i <= replay.REPLAY_MEMORY_SIZE; i++)
			replay.remember(memory, `hash-${i}`, NOW + 1 + i);
		expect(Object.keys(memory.staticData.recentDeliveries as IDataObject)).toHaveLength(
			replay.REPLAY_MEMORY_SIZE,
		);
		expect(replay.seenRecently(memory, 'hash-0', NOW + 1000)).toBe(false);
		expect(replay.seenRecently(memory, `hash-${replay.REPLAY_MEMORY_SIZE}`, NOW + 1000)).toBe(true);
	});
});
