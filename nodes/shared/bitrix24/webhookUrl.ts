/**
 * An inbound webhook URL: `https://<portal>/rest/<userId>/<code>/`. People often paste the example
 * call Bitrix24 shows next to it (`…/<code>/profile.json`), so a trailing method name is dropped.
 */
export interface WebhookAddress {
	/** `https://portal.example.com` — safe to show and log. */
	origin: string;
	/** The full base URL ending in `/`, which contains the secret code: never show or log it. */
	base: string;
	userId: string;
}

const SHAPE =
	/^(https?:\/\/[^/\s?#]+)((?:\/[^/\s?#]+)*?)\/rest\/(\d+)\/([A-Za-z0-9_]+)(?:\/[A-Za-z0-9_.]+\.[A-Za-z0-9_.]+)?\/?$/;

export const WEBHOOK_URL_HELP =
	'The webhook URL should look like https://your-portal.bitrix24.com/rest/1/abc123xyz/ — copy it from Bitrix24: Developer resources → Other → Inbound webhook.';

export function parseWebhookUrl(raw: unknown): WebhookAddress | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = SHAPE.exec(raw.trim());
	if (!match) return undefined;
	const [, origin, prefix, userId, code] = match;
	return { origin, base: `${origin}${prefix}/rest/${userId}/${code}/`, userId };
}

const SECRET_SEGMENTS = /\/rest\/\d+\/[A-Za-z0-9_]+\//g;

/** Text with any webhook path (`/rest/<userId>/<code>/`) cut down to `/rest/`. */
export function withoutWebhookSecret(text: string): string {
	return text.replace(SECRET_SEGMENTS, '/rest/');
}
