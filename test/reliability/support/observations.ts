/**
 * What each test observed, appended as one JSON line to `.data/reliability/observations.jsonl`;
 * tools/run-reliability.js sums the lines into the suite's final figure. Every number is read from
 * the sandbox's, the fake's or the proxy's state at the end of the test, never written in by hand.
 */
import { appendFileSync, mkdirSync } from 'node:fs';

import { RELIABILITY_DATA } from './paths';

export interface Observation {
	test: string;
	faultsInjected: number;
	ordersSent: number;
	ordersInMyOgo: number;
	lost: number;
	duplicated: number;
	staleStockWrites: number;
	secretLeaks: number;
	/** Tracking tests: the orders myOGO shipped with a tracking code, and those whose code reached the store. */
	trackingShipped: number;
	trackingDelivered: number;
}

export const OBSERVATIONS_FILE = `${RELIABILITY_DATA}/observations.jsonl`;

export function record(observation: Observation): Observation {
	mkdirSync(RELIABILITY_DATA, { recursive: true });
	appendFileSync(OBSERVATIONS_FILE, `${JSON.stringify(observation)}\n`);
	return observation;
}

/** The current test's name, for the observation and the files it leaves. */
export function currentTestName(): string {
	return expect.getState().currentTestName ?? 'unknown test';
}
