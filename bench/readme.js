'use strict';

/**
 * The README's "Performance" table lives between two marker comments; a benchmark run replaces
 * what is between them. Without the markers, the section is added before "## Development".
 */

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * @param {string} readme the README's text
 * @param {string} body Markdown to put between the markers
 * @param {{start: string, end: string}} [markers] other markers (the queue-mode table)
 */
function replaceSection(readme, body, markers = { start: START, end: END }) {
	const block = `${markers.start}\n${body.trim()}\n${markers.end}`;
	const start = readme.indexOf(markers.start);
	const end = readme.indexOf(markers.end);
	if (start !== -1 && end > start) {
		return readme.slice(0, start) + block + readme.slice(end + markers.end.length);
	}
	if (markers.start !== START) return readme;
	const section = `## Performance\n\n${block}\n\n`;
	const development = readme.indexOf('\n## Development');
	if (development === -1) return `${readme.trimEnd()}\n\n${section}`;
	return readme.slice(0, development + 1) + section + readme.slice(development + 1);
}

/** The queue-mode table in the README's "Queue mode" section. */
const QUEUE_MARKERS = { start: '<!-- bench-queue:start -->', end: '<!-- bench-queue:end -->' };

module.exports = { replaceSection, QUEUE_MARKERS };
