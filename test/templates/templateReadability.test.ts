/**
 * Templates a merchant can read and change (issue #15): each template's canvas has a main path that
 * reads like its one-line description, the engineering that keeps calls low sits apart inside a
 * sticky note headed "## Engineering", and a marked "Your rules" spot where a merchant drops a Filter,
 * If or Edit Fields node.
 *
 * The bound: at most MAIN_PATH_NODES nodes outside the engineering notes, within one screen at the
 * editor's default zoom (100 %): a 1920×1080 display shows about 1,800×900 canvas pixels beside n8n's
 * side bar and header. A node slot is about 220×200, so 16 nodes fill the screen in two to three
 * readable rows (triggers, Settings, the rules spot, the one write, its named ends).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INode } from 'n8n-workflow';

import { loadTemplate } from '../harness/templates';
import { rulesSpots } from '../harness/templateRules';
import { STICKY_NOTE, inside, nodeBox, noteRectangle, overlaps } from '../harness/canvas';

/** Every template in workflows/, as shipped. */
const READABLE: string[] = readdirSync(join(__dirname, '..', '..', 'workflows')).filter((file) =>
	file.endsWith('.json'),
);

const MAIN_PATH_NODES = 16;
const SCREEN = { width: 1800, height: 900 };
/** The `{{ … }}` bodies of every string parameter of a node. */
function expressionsOf(node: INode): string[] {
	const text = JSON.stringify(node.parameters);
	return [...text.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]!);
}

/** What makes an expression a program rather than a value a merchant reads. */
const PROGRAM =
	/=>|\bfunction\b|\breturn\b|;|\.(map|filter|reduce|flatMap|forEach)\(|JSON\.stringify/;

test('every template is checked', () => expect(READABLE.length).toBeGreaterThanOrEqual(13));

describe.each(READABLE)('%s', (file) => {
	const template = loadTemplate(file);
	const notes = template.nodes.filter((node) => node.type === STICKY_NOTE);
	const nodes = template.nodes.filter((node) => node.type !== STICKY_NOTE);
	const engineering = notes
		.filter((note) => String(note.parameters.content).startsWith('## Engineering'))
		.map(noteRectangle);
	const rulesNotes = notes
		.filter((note) => String(note.parameters.content).startsWith('## Your rules'))
		.map(noteRectangle);
	const isEngineering = (node: INode) => engineering.some((note) => inside(nodeBox(node), note));
	const mainPath = nodes.filter((node) => !isEngineering(node));

	test('the engineering sits inside "## Engineering" notes; no node straddles a note edge', () => {
		expect(engineering.length).toBeGreaterThan(0);
		const straddling = nodes
			.filter((node) => !isEngineering(node))
			.filter((node) => engineering.some((note) => overlaps(nodeBox(node), note)))
			.map((node) => node.name);
		expect(straddling).toEqual([]);
	});

	test(`the main path: at most ${MAIN_PATH_NODES} nodes, within one screen`, () => {
		expect(mainPath.map((node) => node.name).length).toBeLessThanOrEqual(MAIN_PATH_NODES);
		const xs = mainPath.map((node) => node.position[0]);
		const ys = mainPath.map((node) => node.position[1]);
		expect({
			width: Math.max(...xs) + 100 - Math.min(...xs) <= SCREEN.width,
			height: Math.max(...ys) + 140 - Math.min(...ys) <= SCREEN.height,
		}).toEqual({ width: true, height: true });
	});

	test('the main path holds no programs: no arrow functions, statements or list juggling', () => {
		const programs = mainPath.flatMap((node) =>
			expressionsOf(node)
				.filter((expression) => PROGRAM.test(expression))
				.map((expression) => `${node.name}: {{${expression.slice(0, 80)}}}`),
		);
		expect(programs).toEqual([]);
	});

	test('a "Your rules" spot: a No Operation node on the main path, inside a "## Your rules" note, saying what one item is', () => {
		const spots = rulesSpots(template);
		expect(spots.length).toBeGreaterThan(0);
		for (const spot of spots) {
			expect([spot.name, isEngineering(spot)]).toEqual([spot.name, false]);
			expect(spot.name).toMatch(/^Your Rules \(one item per \w+/);
			expect([spot.name, rulesNotes.some((note) => inside(nodeBox(spot), note))]).toEqual([
				spot.name,
				true,
			]);
		}
	});

	test('one item per record at each rules spot: no path from a trigger gathers the records into one item after its last Split Out', () => {
		// The failure: a trigger that hands over one item per poll (or an Aggregate) upstream
		// of the spot, so a Filter there sees one item and filters nothing. Walking upstream from the
		// spot, a Split Out ends the walk (it makes one item per record); a gathering node before it
		// is a defect. Each store's template tests also count the items at the spot.
		const incoming = new Map<string, string[]>();
		for (const [from, outputs] of Object.entries(template.connections)) {
			for (const output of outputs.main ?? []) {
				for (const to of output ?? [])
					incoming.set(to.node, [...(incoming.get(to.node) ?? []), from]);
			}
		}
		const byName = new Map(template.nodes.map((node) => [node.name, node]));
		const gathers = (node: INode) =>
			node.type === 'n8n-nodes-base.aggregate' ||
			(node.type === 'n8n-nodes-myogo.myOgoTrigger' && node.parameters.stockOutput === 'batch');
		for (const spot of rulesSpots(template)) {
			const gathering: string[] = [];
			const seen = new Set<string>();
			const walk = (name: string) => {
				for (const from of incoming.get(name) ?? []) {
					if (seen.has(from)) continue;
					seen.add(from);
					const node = byName.get(from)!;
					if (node.type === 'n8n-nodes-base.splitOut') continue;
					if (gathers(node)) gathering.push(from);
					walk(from);
				}
			};
			walk(spot.name);
			expect([spot.name, gathering]).toEqual([spot.name, []]);
		}
	});
});
