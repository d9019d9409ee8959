// @ts-check
'use strict';

/**
 * Finds the lines in n8n's log that mean our package or a template is broken in real n8n: a load
 * error or warning naming the package, an unknown node type, a missing or unknown credential.
 */

const PACKAGE_NAME = 'n8n-nodes-myogo';

/** Lines that are a problem whatever they name. */
const ALWAYS_PROBLEMS = [
	/Unrecognized node type/i,
	/Unrecognized credential type/i,
	/node type .* is not known/i,
	/Node does not have any credentials set/i,
	/Credentials? .*(not found|could not be found|does not exist)/i,
	/Could not find (a )?credential/i,
	/Failed to load/i,
	/There was an error loading/i,
	/Class could not be found/i,
];

/** A warning or error line (n8n's console format or its JSON format). */
const WARNING_OR_ERROR = /(^|\W)(warn|error)(\W|$)/i;

/**
 * @param {string} log n8n's output
 * @returns {string[]} the offending lines
 */
function packageProblems(log) {
	return log
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.filter(
			(line) =>
				ALWAYS_PROBLEMS.some((pattern) => pattern.test(line)) ||
				(line.includes(PACKAGE_NAME) && WARNING_OR_ERROR.test(levelPart(line))),
		);
}

/**
 * The part of a line that carries its level: the `level` of a JSON line, else the line itself.
 * @param {string} line
 */
function levelPart(line) {
	if (line.startsWith('{')) {
		try {
			return String(JSON.parse(line).level ?? '');
		} catch {
			return line;
		}
	}
	return line;
}

module.exports = { packageProblems, PACKAGE_NAME };
