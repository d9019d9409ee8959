/**
 * HTML → plain text for product descriptions. Warehouses show myOGO
 * descriptions as plain text, while Shopify `body_html` and WooCommerce
 * `description` are HTML: tags go, block ends become line breaks, list items
 * get a "- " bullet, and the common entities are decoded.
 */

// Compiled once (descriptions are mapped for every product variant).
const HIDDEN_BLOCKS = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const LINE_BREAKS =
	/<br\s*\/?>|<\/(?:p|div|h[1-6]|tr|blockquote|pre|ul|ol|table|section|article)\s*>/gi;
const LIST_ITEMS = /<li\b[^>]*>/gi;
const TAGS = /<\/?[a-z!][^>]*>/gi;
const ENTITIES = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const SPACES = /[ \t\f\v\u00a0]+/g;
const ALL_WHITESPACE = /\s+/g;
const HAS_TAG = /<[a-z!/]/i;
const SPACE_AROUND_NEWLINES = / ?\r?\n ?/g;
const MANY_NEWLINES = /\n{3,}/g;
const HAS_MARKUP = /[<&]/;

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	laquo: '«',
	raquo: '»',
	bull: '•',
	middot: '·',
	deg: '°',
	times: '×',
	euro: '€',
	pound: '£',
	copy: '©',
	reg: '®',
	trade: '™',
	auml: 'ä',
	Auml: 'Ä',
	ouml: 'ö',
	Ouml: 'Ö',
	aring: 'å',
	Aring: 'Å',
	uuml: 'ü',
	Uuml: 'Ü',
	szlig: 'ß',
	oslash: 'ø',
	Oslash: 'Ø',
	aelig: 'æ',
	AElig: 'Æ',
	eacute: 'é',
	Eacute: 'É',
};

function decodeEntity(entity: string, body: string): string {
	if (body.charCodeAt(0) === 35 /* # */) {
		const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88; /* x X */
		const codePoint = hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
		if (codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff)) {
			return String.fromCodePoint(codePoint);
		}
		return entity;
	}
	return NAMED_ENTITIES[body] ?? entity;
}

/** Decodes numeric entities and the common named ones; unknown entities stay as written. */
export function decodeEntities(value: string): string {
	return value.replace(ENTITIES, decodeEntity);
}

/** Plain text from an HTML fragment; `undefined` when nothing but markup and whitespace is left. */
export function htmlToText(html: unknown): string | undefined {
	if (typeof html !== 'string') return undefined;
	let textValue = html;
	if (HAS_MARKUP.test(textValue)) {
		// In HTML a line break in the source is just a space; only tags break lines.
		if (HAS_TAG.test(textValue)) textValue = textValue.replace(ALL_WHITESPACE, ' ');
		textValue = textValue
			.replace(HIDDEN_BLOCKS, '')
			.replace(COMMENTS, '')
			.replace(LINE_BREAKS, '\n')
			.replace(LIST_ITEMS, '\n- ')
			.replace(TAGS, '');
		textValue = decodeEntities(textValue);
	}
	textValue = textValue
		.replace(SPACES, ' ')
		.replace(SPACE_AROUND_NEWLINES, '\n')
		.replace(MANY_NEWLINES, '\n\n')
		.trim();
	return textValue === '' ? undefined : textValue;
}
