'use strict';

/**
 * A min-heap of timer entries ordered by due time, then by insertion order (so timers due at the
 * same moment fire in the order they were set, as with Node's timers).
 * @template {{due: number, seq: number}} T
 */
class TimerQueue {
	constructor() {
		/** @type {T[]} */
		this.items = [];
	}

	get size() {
		return this.items.length;
	}

	/** @returns {T | undefined} */
	peek() {
		return this.items[0];
	}

	/** @param {T} entry */
	push(entry) {
		const { items } = this;
		items.push(entry);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i], items[parent])) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}

	/** @returns {T | undefined} */
	pop() {
		const { items } = this;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let least = i;
				if (left < items.length && before(items[left], items[least])) least = left;
				if (right < items.length && before(items[right], items[least])) least = right;
				if (least === i) break;
				[items[i], items[least]] = [items[least], items[i]];
				i = least;
			}
		}
		return top;
	}
}

/** @param {{due: number, seq: number}} a @param {{due: number, seq: number}} b */
function before(a, b) {
	return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

module.exports = { TimerQueue };
