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
 */
function replaceSection(readme, body) {
	const block = `${START}\n${body.trim()}\n${END}`;
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start !== -1 && end > start) {
		return readme.slice(0, start) + block + readme.slice(end + END.length);
	}
	const section = `## Performance\n\n${block}\n\n`;
	const development = readme.indexOf('\n## Development');
	if (development === -1) return `${readme.trimEnd()}\n\n${section}`;
	return readme.slice(0, development + 1) + section + readme.slice(development + 1);
}

module.exports = { replaceSection };
