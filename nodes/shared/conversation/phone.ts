/**
 * Phone numbers in E.164 (`+` and up to 15 digits), the form every channel and Bitrix24's
 * duplicate search agree on. National numbers need the default country's calling code; the
 * national trunk prefix is dropped (0 in most countries, 8 in Russia and Kazakhstan, 1 in the
 * North American plan).
 */
const TRUNK_PREFIX: Record<string, string> = { '7': '8', '1': '1' };

export interface PhoneOptions {
	/** Calling code for numbers written without one, e.g. `49` or `+49`. */
	defaultCountryCode?: string;
}

/** The number in E.164, or undefined when it cannot be one. */
export function toE164(
	raw: unknown,
	{ defaultCountryCode }: PhoneOptions = {},
): string | undefined {
	if (raw === null || raw === undefined) return undefined;
	const text = String(raw).trim();
	if (text === '') return undefined;
	const international = /^\s*(\+|00)/.test(text);
	let digits = text.replace(/\D/g, '');
	if (international) {
		if (text.trimStart().startsWith('00')) digits = digits.slice(2);
	} else {
		const country = String(defaultCountryCode ?? '').replace(/\D/g, '');
		if (!country) {
			// WhatsApp ids and many exports carry the country code without a plus.
			if (digits.length < 11) return undefined;
		} else {
			const trunk = TRUNK_PREFIX[country] ?? '0';
			if (digits.startsWith(country) && digits.length > 10) {
				// Already has the country code, written without + (e.g. 4915112345678).
			} else {
				if (digits.startsWith(trunk)) digits = digits.slice(trunk.length);
				digits = country + digits;
			}
		}
	}
	return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Whether two numbers are the same subscriber once both are in E.164. */
export function samePhone(a: unknown, b: unknown, options?: PhoneOptions): boolean {
	const left = toE164(a, options);
	return left !== undefined && left === toE164(b, options);
}

/**
 * A phone as matching compares it: its E.164 digits, or its bare digits when it cannot be put
 * in E.164 (too short for an international number and no default country).
 */
export function comparablePhone(raw: unknown, options?: PhoneOptions): string {
	const e164 = toE164(raw, options);
	return e164 ? e164.slice(1) : String(raw ?? '').replace(/\D/g, '');
}

/**
 * The forms to look a number up by: its E.164 form, then the number as written (records keep
 * phones as people typed them, and a search compares what it is given). Each form once.
 */
export function phoneSearchValues(raw: unknown, options?: PhoneOptions): string[] {
	const written = String(raw ?? '').trim();
	return [...new Set([toE164(written, options), written].filter((form): form is string => !!form))];
}
