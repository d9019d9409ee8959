import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
// n8n-core keeps the polling parameters its loader adds out of its package index.
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';

import { MyOgoApi } from '../../credentials/MyOgoApi.credentials';
import { PACKAGE_NODE_CLASSES, TEST_NODE_CLASSES } from './packageNodes';

/** Our nodes carry the package prefix, exactly as n8n names a community package's nodes. */
export const PACKAGE_PREFIX = 'n8n-nodes-myogo';

/** n8n's own nodes come from the pinned real n8n installed in dev/n8n (see CONTRIBUTING.md). */
export const N8N_DEV_DIR = path.resolve(__dirname, '../../dev/n8n');
const NODES_BASE_DIST = path.join(N8N_DEV_DIR, 'node_modules/n8n-nodes-base/dist');

type NodeClass = new () => INodeType | IVersionedNodeType;
type CredentialClass = new () => ICredentialType;

let nodesBaseFiles: Map<string, string> | undefined;

/** Index of n8n-nodes-base's compiled files by lower-case base name, built once. */
function nodesBaseIndex(kind: 'nodes' | 'credentials'): Map<string, string> {
	if (kind === 'nodes' && nodesBaseFiles) return nodesBaseFiles;
	const suffix = kind === 'nodes' ? '.node.js' : '.credentials.js';
	const index = new Map<string, string>();
	const root = path.join(NODES_BASE_DIST, kind);
	if (!existsSync(root)) {
		throw new Error(`n8n-nodes-base is not installed in ${N8N_DEV_DIR}. Run: npm run setup:n8n`);
	}
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(suffix)) {
				const key = name.slice(0, -suffix.length).toLowerCase();
				// Prefer the top-level versioned entry (Foo/Foo.node.js) over Foo/v2/FooV2.node.js.
				if (
					!index.has(key) ||
					full.split(path.sep).length < index.get(key)!.split(path.sep).length
				) {
					index.set(key, full);
				}
			}
		}
	};
	walk(root);
	if (kind === 'nodes') nodesBaseFiles = index;
	return index;
}

function loadClass<T>(file: string, baseName: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, T>;
	const match = Object.keys(exported).find((key) => key.toLowerCase() === baseName);
	if (!match) throw new Error(`No class ${baseName} in ${file}`);
	return exported[match];
}

/** The node registry a Workflow needs: our package's nodes, plus n8n's own nodes on demand. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	getByName(type: string): INodeType | IVersionedNodeType {
		const cached = this.cache.get(type);
		if (cached) return cached;
		const [prefix, name] = splitType(type);
		let NodeType: NodeClass | undefined;
		if (prefix === PACKAGE_PREFIX || prefix === 'CUSTOM') {
			NodeType = PACKAGE_NODE_CLASSES[name] as NodeClass | undefined;
		} else if (prefix === 'test') {
			NodeType = TEST_NODE_CLASSES[name] as NodeClass | undefined;
		} else if (prefix === 'n8n-nodes-base') {
			const file = nodesBaseIndex('nodes').get(name.toLowerCase());
			if (file) NodeType = loadClass<NodeClass>(file, name.toLowerCase());
		}
		if (!NodeType) throw new Error(`Unknown node type "${type}"`);
		const instance = new NodeType();
		addPollTimes(instance);
		this.cache.set(type, instance);
		return instance;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/**
 * What n8n's node loader adds to every polling node (n8n-core's DirectoryLoader): the Poll Times
 * parameter. Without it a Workflow drops a template's `pollTimes` as unknown, and an expression
 * reading the trigger's parameters would not see the poll the merchant set.
 */
function addPollTimes(nodeType: INodeType | IVersionedNodeType): void {
	const versions = 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
	for (const { description } of versions) {
		if (description.polling && !description.properties.some((p) => p.name === 'pollTimes'))
			description.properties.unshift(...commonPollingParameters);
	}
}

function splitType(type: string): [string, string] {
	const dot = type.lastIndexOf('.');
	return [type.slice(0, dot), type.slice(dot + 1)];
}

/** Credential types by name: ours, and n8n's own (Shopify, WooCommerce…) for the templates. */
export class HarnessCredentialTypes {
	private readonly cache = new Map<string, ICredentialType>([['myOgoApi', new MyOgoApi()]]);

	getByName(name: string): ICredentialType {
		const cached = this.cache.get(name);
		if (cached) return cached;
		const file = nodesBaseIndex('credentials').get(name.toLowerCase());
		if (!file) throw new Error(`Unknown credential type "${name}"`);
		const instance = new (loadClass<CredentialClass>(file, name.toLowerCase()))();
		this.cache.set(name, instance);
		return instance;
	}

	getParentTypes(name: string): string[] {
		const extendsTypes = this.getByName(name).extends ?? [];
		return extendsTypes.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
}
