// What n8n recorded of a queue-mode run: executions and their data from PostgreSQL, and from each
// process's log which process queued an execution and which worker ran it.
const { fromRuntime } = require('./services');

/**
 * Executions of a workflow with their trigger node's output items.
 * @returns {Promise<{ id: string, status: string, mode: string, items: object[] }[]>}
 */
async function executionsOf(db, runtime, workflowId, triggerNode) {
	const { parse } = fromRuntime(runtime, 'flatted');
	const { rows } = await db.query(
		`select e.id, e.status, e.mode, d.data
		   from execution_entity e left join execution_data d on d."executionId" = e.id
		  where e."workflowId" = $1 order by e.id`,
		[workflowId],
	);
	return rows.map((row) => {
		let items = [];
		if (row.data) {
			const runs = parse(row.data)?.resultData?.runData?.[triggerNode];
			items = (runs?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		}
		return { id: String(row.id), status: row.status, mode: row.mode, items };
	});
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

const isFinished = (execution) => FINISHED.includes(execution.status);

/**
 * For every execution id, the processes whose log says they queued it ("Enqueued execution N")
 * and the ones that ran it ("Worker started execution N").
 * @param {Record<string, string>} logs process name → log text
 */
function whereExecutionsRan(logs) {
	/** @type {Map<string, { enqueuedBy: string[], ranOn: string[] }>} */
	const byId = new Map();
	const entry = (id) => {
		if (!byId.has(id)) byId.set(id, { enqueuedBy: [], ranOn: [] });
		return byId.get(id);
	};
	for (const [name, text] of Object.entries(logs)) {
		for (const [, id] of text.matchAll(/Enqueued execution (\d+)/g))
			entry(id).enqueuedBy.push(name);
		for (const [, id] of text.matchAll(/Worker started execution (\d+)/g))
			entry(id).ranOn.push(name);
	}
	return byId;
}

module.exports = { executionsOf, isFinished, whereExecutionsRan };
