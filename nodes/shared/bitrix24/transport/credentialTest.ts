import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import type { Exchange } from './caller';
import { parseAnswer } from './envelope';
import type { Bitrix24Failure } from './errors';
import {
	connectionFailureText,
	failureDescription,
	failureMessage,
	isConnectionFailure,
} from './errors';
import { exchangeFromError } from './connection';
import { parseWebhookUrl, WEBHOOK_URL_HELP } from '../webhookUrl';

/** Answers with any webhook, whatever its scopes ("basic" scope). */
const TEST_METHOD = 'profile';

const TEST_TIMEOUT_MS = 30000;

async function send(ctx: ICredentialTestFunctions, url: string): Promise<Exchange> {
	try {
		const response = (await ctx.helpers.request({
			method: 'POST',
			uri: url,
			body: {},
			json: true,
			resolveWithFullResponse: true,
			simple: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
		return { kind: 'answer', status: response.statusCode, body: response.body };
	} catch (error) {
		return (
			exchangeFromError(error) ?? {
				kind: 'network',
				code: 'REQUEST_FAILED',
				message: 'the request failed',
			}
		);
	}
}

/**
 * The "Test" button of the webhook credential: one `profile` call, explained as the node
 * explains the same failure. It goes out as a plain request: n8n's authenticated request would
 * send it a second time after a 401. Messages name the portal's origin, never the webhook URL.
 */
async function bitrix24WebhookApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const address = parseWebhookUrl(credential.data?.secretWebhookUrl);
	if (!address) {
		return { status: 'Error', message: `The webhook URL is not valid. ${WEBHOOK_URL_HELP}` };
	}
	const exchange = await send(this, `${address.base}${TEST_METHOD}.json`);
	let failure: Bitrix24Failure;
	if (exchange.kind === 'network') {
		failure = {
			method: TEST_METHOD,
			status: 0,
			code: exchange.code,
			description: exchange.message,
		};
	} else {
		const parsed = parseAnswer(TEST_METHOD, exchange.status, exchange.body);
		if (parsed.ok) return { status: 'OK', message: 'Connection successful' };
		failure = parsed.failure;
	}
	const what = isConnectionFailure(failure)
		? `Bitrix24 at ${address.origin}: ${connectionFailureText(failure)}`
		: failureMessage(failure);
	return { status: 'Error', message: `${what}. ${failureDescription(failure)}`.trim() };
}

/** The Bitrix24 node's `methods.credentialTest`, named in its credentials' `testedBy`. */
export const credentialTest = { bitrix24WebhookApiTest };
