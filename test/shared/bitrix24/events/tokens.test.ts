import {
	matchesHash,
	sameToken,
	signProof,
	tokenHash,
	verifyProof,
} from '../../../../nodes/shared/bitrix24/events/tokens';

describe('application tokens and proofs', () => {
	it('compares tokens and hashes in constant time, never storing the token', () => {
		expect(sameToken('abc', 'abc')).toBe(true);
		expect(sameToken('abc', 'abd')).toBe(false);
		const hash = tokenHash('secret-token');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(matchesHash('secret-token', hash)).toBe(true);
		expect(matchesHash('secret-tokeN', hash)).toBe(false);
		expect(matchesHash('secret-token', 'not-hex')).toBe(false);
	});

	it('verifies a proof for its subject while it is fresh', () => {
		const now = 1766047124;
		const proof = signProof('client-secret', 'wf:node', now);
		expect(verifyProof('client-secret', 'wf:node', String(now), proof, now + 60)).toBe(true);
		expect(verifyProof('client-secret', 'wf:node', now, proof, now)).toBe(true);
		expect(verifyProof('other-secret', 'wf:node', String(now), proof, now)).toBe(false);
		expect(verifyProof('client-secret', 'wf:other', String(now), proof, now)).toBe(false);
		expect(verifyProof('client-secret', 'wf:node', String(now), proof, now + 15 * 60 + 1)).toBe(
			false,
		);
		expect(verifyProof('client-secret', 'wf:node', String(now), proof, now - 5 * 60 - 1)).toBe(
			false,
		);
		expect(verifyProof('', 'wf:node', String(now), signProof('', 'wf:node', now), now)).toBe(false);
		expect(verifyProof('client-secret', 'wf:node', '1e9', proof, now)).toBe(false);
		expect(verifyProof('client-secret', 'wf:node', String(now), [proof], now)).toBe(false);
	});
});
