import { connectorId, svgIcon } from '../../../../nodes/shared/bitrix24/openLines/connector';

const decoded = (icon: ReturnType<typeof svgIcon>) =>
	icon.ok ? decodeURIComponent(icon.value.replace(/^data:image\/svg\+xml,/, '')) : icon.reason;

describe('connector icon', () => {
	it('takes SVG markup, a file with an XML prolog, and SVG data URIs', () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0"/></svg>';
		expect(svgIcon(svg)).toEqual({
			ok: true,
			value: `data:image/svg+xml,${encodeURIComponent(svg)}`,
		});
		const file = Buffer.from(
			`\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n${svg}\n`,
		);
		expect(decoded(svgIcon(file))).toBe(svg);
		expect(decoded(svgIcon(`data:image/svg+xml,${encodeURIComponent(svg)}`))).toBe(svg);
		expect(
			decoded(svgIcon(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`)),
		).toBe(svg);
		expect(decoded(svgIcon('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg"/>',
		);
	});

	it('adds the SVG namespace browsers need to draw a data URI', () => {
		expect(decoded(svgIcon('<svg viewBox="0 0 1 1"><rect/></svg>'))).toBe(
			'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>',
		);
	});

	it.each([
		[
			'a PNG file',
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
			'it is a PNG image, and Bitrix24 takes connector icons only as SVG',
		],
		[
			'a JPEG file',
			Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
			'it is a JPEG image, and Bitrix24 takes connector icons only as SVG',
		],
		[
			'a PNG data URI',
			'data:image/png;base64,iVBORw0KGgo=',
			'it is a PNG image, and Bitrix24 takes connector icons only as SVG',
		],
		['a GIF', 'GIF89a…', 'it is a GIF image, and Bitrix24 takes connector icons only as SVG'],
		['nothing', '', 'it does not start with an <svg> element'],
		['text', 'hello', 'it does not start with an <svg> element'],
		['HTML around an SVG', '<html><svg></svg></html>', 'it does not start with an <svg> element'],
		[
			'an unclosed <svg>',
			'<svg xmlns="http://www.w3.org/2000/svg"><rect/>',
			'its <svg> element is not closed',
		],
		[
			'a script element',
			'<svg><script>alert(1)</script></svg>',
			'it holds a script, which an icon must not',
		],
		[
			'an event attribute',
			'<svg onload="alert(1)"></svg>',
			'it holds a script, which an icon must not',
		],
		[
			'a broken data URI',
			'data:image/svg+xml,%E0%A4%A',
			'the SVG data URI is not properly encoded',
		],
		['70 KB of SVG', `<svg>${'x'.repeat(70000)}</svg>`, 'it is larger than 64 KB'],
	])('refuses %s', (_label, input, reason) => {
		expect(svgIcon(input)).toEqual({ ok: false, reason });
	});
});

describe('connector ID', () => {
	it('is lower-cased, and refuses a dot and other characters', () => {
		expect(connectorId(' Acme_Chat ')).toEqual({ ok: true, value: 'acme_chat' });
		expect(connectorId('acme.chat')).toEqual({
			ok: false,
			reason: '"acme.chat" has a dot, which Bitrix24 refuses',
		});
		expect(connectorId('acme-chat')).toEqual({
			ok: false,
			reason: '"acme-chat" may hold only letters, digits and _',
		});
		expect(connectorId('')).toEqual({ ok: false, reason: 'the connector ID is empty' });
	});
});
