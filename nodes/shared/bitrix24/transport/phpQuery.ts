import type { IDataObject } from 'n8n-workflow';

type Value = IDataObject[keyof IDataObject];

function scalar(value: Value): string {
	if (value === true) return '1';
	if (value === false) return '0';
	if (value === null || value === undefined) return '';
	return String(value);
}

function append(pairs: string[], key: string, value: Value): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => append(pairs, `${key}[${index}]`, entry as Value));
	} else if (value !== null && typeof value === 'object') {
		for (const [child, entry] of Object.entries(value))
			append(pairs, `${key}[${child}]`, entry as Value);
	} else {
		pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(scalar(value))}`);
	}
}

/**
 * Encodes parameters the way PHP's http_build_query does (`fields[PHONE][0][VALUE]=…`), which is
 * how Bitrix24 reads the parameters of every command inside a `batch`. As in PHP, booleans become
 * 1/0 and empty arrays or objects are left out (an empty `filter=` would be read as a string).
 */
export function buildPhpQuery(params: IDataObject): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) continue;
		append(pairs, key, value);
	}
	return pairs.join('&');
}
