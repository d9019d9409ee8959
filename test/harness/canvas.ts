/** Where n8n's editor draws a template's nodes and sticky notes, for the template standards. */
import type { INode } from 'n8n-workflow';

export const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

export interface Rectangle {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A node as n8n draws it: about 100×100 from its position, with its name below (40 more). */
export function nodeBox(node: INode): Rectangle {
	return { x: node.position[0], y: node.position[1], width: 100, height: 140 };
}

/** A sticky note's rectangle; n8n's defaults when width/height are absent. */
export function noteRectangle(note: INode): Rectangle {
	const { width = 240, height = 160 } = note.parameters as { width?: number; height?: number };
	return { x: note.position[0], y: note.position[1], width, height };
}

export function overlaps(a: Rectangle, b: Rectangle): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(inner: Rectangle, outer: Rectangle): boolean {
	return (
		inner.x >= outer.x &&
		inner.y >= outer.y &&
		inner.x + inner.width <= outer.x + outer.width &&
		inner.y + inner.height <= outer.y + outer.height
	);
}
