import { htmlToText } from '../../nodes/MyOgo/mapping';
import { decodeEntities } from '../../nodes/MyOgo/mapping/html';

describe('htmlToText', () => {
	it.each<[string, string]>([
		['<p>Soft <strong>organic</strong> cotton.</p>', 'Soft organic cotton.'],
		['<p>One</p>\n<p>Two</p>', 'One\nTwo'],
		['Line one<br>Line two<br/>Line three', 'Line one\nLine two\nLine three'],
		['<ul>\n  <li>Wool</li>\n  <li>Silk</li>\n</ul>', '- Wool\n- Silk'],
		['<h2>Care</h2><p>Wash at 40&deg;C &amp; dry flat.</p>', 'Care\nWash at 40°C & dry flat.'],
		[
			'Size 39&#8211;42 &bull; 80&nbsp;% wool &#x2013; K&auml;ngurutasche',
			'Size 39–42 • 80 % wool – Kängurutasche',
		],
		['<p>Kept &lt;b&gt; as text</p>', 'Kept <b> as text'],
		['<style>p{color:red}</style><p>Shown</p><script>alert(1)</script><!-- hidden -->', 'Shown'],
		['Plain text\nwith its own line break', 'Plain text\nwith its own line break'],
		['Åsa’s Straße 🙂', 'Åsa’s Straße 🙂'],
		['Unknown &foo; entity', 'Unknown &foo; entity'],
	])('%j → %j', (html, text) => {
		expect(htmlToText(html)).toBe(text);
	});

	it('gives undefined for markup-only or non-string input', () => {
		expect(htmlToText('<p> </p><br>')).toBeUndefined();
		expect(htmlToText('')).toBeUndefined();
		expect(htmlToText(null)).toBeUndefined();
		expect(htmlToText(42)).toBeUndefined();
	});

	it('decodes numeric entities but leaves invalid code points alone', () => {
		expect(decodeEntities('&#128578; &#xD800; &#0;')).toBe('🙂 &#xD800; &#0;');
	});
});
