/*
 * Operators' messages arrive in Bitrix24's BB-code, signed with the operator's name when the
 * connector asks for signatures: "[b]Klaus Weber:[/b] [br]Guten Tag!".
 */

const SIGNATURE = /^\[b\]([^[\]]{1,100}):\[\/b\][ \t]*(?:\[br\]|\n)?[ \t]*/i;

/** The operator's name from the signature, and the text without it. */
export function signatureOf(text: string): { name?: string; text: string } {
	const match = SIGNATURE.exec(text);
	return match ? { name: match[1].trim(), text: text.slice(match[0].length) } : { text };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** BB-code as plain text: line breaks kept, links written out, formatting dropped. */
export function plainText(text: string): string {
	return text
		.replace(/\[br\]/gi, '\n')
		.replace(/\[url=([^\]]+)\]([\s\S]*?)\[\/url\]/gi, (_all, url: string, label: string) =>
			label.trim() && label.trim() !== url.trim() ? `${label} (${url})` : url,
		)
		.replace(/\[(user|chat|context|send|put)=[^\]]*\]([\s\S]*?)\[\/\1\]/gi, '$2')
		.replace(/\[icon=[^\]]*\]/gi, '')
		.replace(
			/\[\/?(b|i|u|s|url|code|quote|color|size|center|left|right|img|list|\*)(=[^\]]*)?\]/gi,
			'',
		)
		.replace(/&(amp|lt|gt|quot|#39);/g, (_all, name: string) => ENTITIES[name]);
}
