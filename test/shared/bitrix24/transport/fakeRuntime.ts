import type { Runtime } from '../../../../nodes/shared/bitrix24/transport/caller';

/** A clock that only moves when the code under test sleeps: no real waiting in unit tests. */
export function fakeRuntime(start = 1_700_000_000_000) {
	const sleeps: number[] = [];
	let now = start;
	const runtime: Runtime = {
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
		random: () => 0.5,
	};
	return {
		runtime,
		sleeps,
		advance: (ms: number) => {
			now += ms;
		},
	};
}
