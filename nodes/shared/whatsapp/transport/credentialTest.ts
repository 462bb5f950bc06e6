import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { readSettings } from '../settings';
import { explainCode, readMetaError } from './errors';

const TEST_TIMEOUT_MS = 30000;

type Answer = { status: number; body: unknown } | { network: string };

async function get(ctx: ICredentialTestFunctions, url: string, token: string): Promise<Answer> {
	try {
		const response = (await ctx.helpers.request({
			method: 'GET',
			uri: url,
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			json: true,
			resolveWithFullResponse: true,
			simple: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
		return { status: response.statusCode, body: response.body };
	} catch (error) {
		// n8n wraps the socket error; its code is somewhere down the causes.
		const seen = new Set<unknown>();
		let current = error as { code?: unknown; cause?: unknown } | undefined;
		while (current && !seen.has(current)) {
			seen.add(current);
			if (typeof current.code === 'string') return { network: current.code };
			current = current.cause as typeof current;
		}
		return { network: 'the request failed' };
	}
}

function failure(what: string, answer: Answer): INodeCredentialTestResult {
	if ('network' in answer) {
		return {
			status: 'Error',
			message: `Could not reach the Graph API (${answer.network}). Check the network and the Graph API Base URL.`,
		};
	}
	const error = readMetaError(answer.body);
	if (!error)
		return { status: 'Error', message: `${what}: the Graph API answered HTTP ${answer.status}` };
	const explained = explainCode(error.code);
	let hint = explained.fix;
	if (error.code === 100) {
		hint =
			what === 'Phone Number ID'
				? 'Meta does not know this phone number ID, or the token has no access to it. Copy the Phone number ID from WhatsApp → API Setup (not the phone number itself).'
				: 'Meta does not know this WhatsApp Business Account ID, or the token has no access to it. Copy it from WhatsApp → API Setup.';
	}
	return {
		status: 'Error',
		message: `${what}: ${explained.title} (WhatsApp error ${error.code}). ${hint}`,
	};
}

/**
 * The credential's Test button: reads the phone number (display number, verified name) and the
 * WhatsApp Business Account, two cheap reads, and says which field is wrong. Messages never
 * contain the token.
 */
export async function whatsAppCloudApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const token = typeof data.accessToken === 'string' ? data.accessToken.trim() : '';
	if (!token) return { status: 'Error', message: 'Paste the access token of a system user.' };
	const read = readSettings(data);
	if (!read.ok)
		return { status: 'Error', message: `${read.problem.field}: ${read.problem.message}` };
	const { settings } = read;
	if (!settings.phoneNumberId) return { status: 'Error', message: 'Fill in the Phone Number ID.' };
	const phone = await get(
		this,
		`${settings.apiBase}/${settings.phoneNumberId}?fields=display_phone_number,verified_name`,
		token,
	);
	if ('network' in phone || phone.status >= 400 || readMetaError(phone.body)) {
		return failure('Phone Number ID', phone);
	}
	if (!settings.businessAccountId) {
		return { status: 'Error', message: 'Fill in the WhatsApp Business Account ID.' };
	}
	const account = await get(
		this,
		`${settings.apiBase}/${settings.businessAccountId}?fields=id,name`,
		token,
	);
	if ('network' in account || account.status >= 400 || readMetaError(account.body)) {
		return failure('WhatsApp Business Account ID', account);
	}
	const body = phone.body as { display_phone_number?: string; verified_name?: string };
	return {
		status: 'OK',
		message:
			`Connected: ${body.verified_name ?? 'phone number'} ${body.display_phone_number ?? ''} (Graph API ${settings.version})`.trim(),
	};
}
