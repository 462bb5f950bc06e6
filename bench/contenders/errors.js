'use strict';

/**
 * Error messages counted by text, so a run that failed 9,950 times reads as one line.
 * @param {Iterable<string>} messages
 * @returns {Record<string, number>}
 */
function countMessages(messages) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const message of messages) counts[message] = (counts[message] ?? 0) + 1;
	return counts;
}

module.exports = { countMessages };
