import type { INode } from 'n8n-workflow';

import {
	failureToApiError,
	hintFor,
	statusOfCode,
	unsafeToRetryError,
} from '../../../../nodes/shared/bitrix24/transport/errors';

const node: INode = {
	id: '1',
	name: 'Bitrix24',
	type: 'n8n-nodes-bitrix24.bitrix24',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('error mapping', () => {
	it('turns a Bitrix24 error into a NodeApiError with code, method, status, hint and item', () => {
		const error = failureToApiError(
			node,
			{
				method: 'event.bind',
				status: 403,
				code: 'WRONG_AUTH_TYPE',
				description: 'Current authorization type is denied for this method',
			},
			4,
		);
		expect(error.message).toBe(
			'Bitrix24 event.bind: Current authorization type is denied for this method [WRONG_AUTH_TYPE]',
		);
		expect(error.description).toMatch(/Bitrix24 OAuth2 API/);
		expect(error.description).toMatch(/HTTP status 403/);
		expect(error.httpCode).toBe('403');
		expect(error.context.itemIndex).toBe(4);
	});

	it('handles legacy errors with an empty code by their text', () => {
		const error = failureToApiError(node, {
			method: 'crm.lead.get',
			status: 400,
			code: '',
			description: 'ID is not defined or invalid.',
		});
		expect(error.message).toBe('Bitrix24 crm.lead.get: ID is not defined or invalid.');
		expect(error.description).toMatch(/numeric ID/);
	});

	it('matches codes case-insensitively and knows their HTTP statuses', () => {
		expect(hintFor({ code: 'expired_token', description: '' })).toMatch(/Reconnect/);
		expect(statusOfCode('ERROR_METHOD_NOT_FOUND')).toBe(404);
		expect(statusOfCode('insufficient_scope')).toBe(401);
		expect(statusOfCode('SOMETHING_ELSE')).toBe(400);
	});

	it('explains a connection failure without an HTTP status it never had', () => {
		const error = failureToApiError(node, {
			method: 'user.current',
			status: 0,
			code: 'ECONNREFUSED',
			description: 'connect ECONNREFUSED 127.0.0.1:1',
		});
		expect(error.message).toBe(
			'Bitrix24 user.current: cannot reach the portal: connection refused',
		);
		expect(error.description).toMatch(
			/check the address \(and port\) in the credential.* \(ECONNREFUSED\)$/,
		);
		expect(error.description).not.toMatch(/HTTP status/);
		expect(error.httpCode ?? undefined).toBeUndefined();
	});

	it('says HTTPS is required when Bitrix24 refuses a webhook over plain HTTP', () => {
		const error = failureToApiError(node, {
			method: 'crm.lead.list',
			status: 400,
			code: 'INVALID_REQUEST',
			description: 'Https required.',
		});
		expect(error.message).toBe('Bitrix24 crm.lead.list: Https required. [INVALID_REQUEST]');
		expect(error.description).toMatch(/requires HTTPS .*https:\/\/ address in the credential/);
	});

	it('tells a refused refresh token and an answer from something that is not Bitrix24', () => {
		expect(hintFor({ code: 'invalid_grant', description: '' })).toMatch(
			/Connect my account" again/,
		);
		expect(hintFor({ code: 'UNEXPECTED_ANSWER', description: '', status: 200 })).toMatch(
			/not as a Bitrix24 portal's REST API does/,
		);
		expect(hintFor({ code: 'HTTP_404', description: '', status: 404 })).toMatch(/portal's address/);
		expect(hintFor({ code: 'UNEXPECTED_ANSWER', description: '', status: 502 })).toBeUndefined();
	});

	it('says a write with an unknown outcome was not repeated', () => {
		const error = unsafeToRetryError(node, 'batch', 'socket hang up', 2);
		expect(error.message).toBe(
			'Bitrix24 batch: socket hang up; the request may have been processed',
		);
		expect(error.description).toMatch(/not repeated automatically to avoid creating duplicates/);
		expect(error.context.itemIndex).toBe(2);
	});
});
