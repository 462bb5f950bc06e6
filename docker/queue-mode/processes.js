// The n8n processes of a queue-mode deployment with this package, and each one's command and
// environment: the one source for docker-compose.yml beside this file (written from it by
// `node docker/queue-mode/generate.js`) and for the queue-mode end-to-end suite
// (test/e2e/queueMode.test.js), which starts exactly these processes with exactly this
// environment. What the suite proves is what the compose file runs; test/e2e/queueCompose.test.js
// fails when the two drift apart.
'use strict';

/** The n8n version the compose file pins and the suite runs (scripts/n8n/runtime.js's default). */
const N8N_VERSION = '2.40.7';

/**
 * One main (UI, API, trigger activation, polling; serves no production webhooks), one webhook
 * process (answers every production webhook, queues the executions) and two workers (run them).
 * `after`: processes that must be ready before this one starts. The main comes last: activating
 * a self-subscribing Bitrix24 Trigger makes the portal call the webhook process at once (the
 * ONAPPTEST that teaches the trigger its application token), and Bitrix24 does not retry.
 * Every process migrates the database under PostgreSQL's advisory lock, so any may start first.
 */
const PROCESSES = [
	{ service: 'n8n-webhook', role: 'webhook', command: ['webhook'], after: [] },
	{ service: 'n8n-worker-1', role: 'worker', command: ['worker', '--concurrency=10'], after: [] },
	{ service: 'n8n-worker-2', role: 'worker', command: ['worker', '--concurrency=10'], after: [] },
	{ service: 'n8n-main', role: 'main', command: ['start'], after: ['n8n-webhook'] },
];

/**
 * What differs from one deployment to another; everything else in the environment is fixed.
 * @typedef {object} Deployment
 * @property {string} encryptionKey the same in every process, or credentials cannot be read
 * @property {{ host: string, port: string, database: string, user: string, password: string }} postgres
 * @property {{ host: string, port: string, db: string, keyPrefix: string, queuePrefix: string }} redis
 *   keyPrefix: n8n's own keys and pub/sub channels (N8N_REDIS_KEY_PREFIX); queuePrefix: the job
 *   queue's keys (QUEUE_BULL_PREFIX). Deployments sharing one Redis need their own of both.
 * @property {string} webhookUrl public base URL that reaches the webhook process, ending in '/'
 * @property {string} editorUrl public base URL of the main (editor, REST API, OAuth2 callback)
 * @property {string} timezone
 * @property {(process: typeof PROCESSES[number]) => { http: string, broker: string, health: string }} ports
 *   the process's HTTP port, task-runner broker port and worker health-check port
 */

/** The names of the environment variables a Deployment fills in (the rest are fixed values). */
const DEPLOYMENT_VARIABLES = [
	'N8N_ENCRYPTION_KEY',
	'DB_POSTGRESDB_HOST',
	'DB_POSTGRESDB_PORT',
	'DB_POSTGRESDB_DATABASE',
	'DB_POSTGRESDB_USER',
	'DB_POSTGRESDB_PASSWORD',
	'QUEUE_BULL_REDIS_HOST',
	'QUEUE_BULL_REDIS_PORT',
	'QUEUE_BULL_REDIS_DB',
	'N8N_REDIS_KEY_PREFIX',
	'QUEUE_BULL_PREFIX',
	'N8N_WEBHOOK_URL',
	'N8N_EDITOR_BASE_URL',
	'GENERIC_TIMEZONE',
	'N8N_PORT',
	'N8N_RUNNERS_BROKER_PORT',
	'QUEUE_HEALTH_CHECK_PORT',
];

/**
 * The complete environment of one n8n process.
 * @param {typeof PROCESSES[number]} process
 * @param {Deployment} deployment
 * @returns {Record<string, string>}
 */
function environment(process, deployment) {
	const { postgres, redis } = deployment;
	const ports = deployment.ports(process);
	const env = {
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: deployment.encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: postgres.port,
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: redis.port,
		QUEUE_BULL_REDIS_DB: redis.db,
		N8N_REDIS_KEY_PREFIX: redis.keyPrefix,
		QUEUE_BULL_PREFIX: redis.queuePrefix,
		// The URL n8n gives Bitrix24 (event.bind) and shows for production webhooks.
		N8N_WEBHOOK_URL: deployment.webhookUrl,
		// Without it n8n derives the editor's URL, and the OAuth2 callback, from N8N_WEBHOOK_URL:
		// connecting an OAuth2 credential would land on the webhook process.
		N8N_EDITOR_BASE_URL: deployment.editorUrl,
		GENERIC_TIMEZONE: deployment.timezone,
		// Runs started from the editor go to the workers too, like every production run.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
	if (process.role === 'main') {
		env.N8N_PORT = ports.http;
		// Production webhooks are answered by the webhook process only.
		env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
	}
	if (process.role === 'webhook') env.N8N_PORT = ports.http;
	if (process.role === 'worker') {
		env.N8N_RUNNERS_BROKER_PORT = ports.broker;
		// /healthz and /healthz/readiness, for the compose health check and the suite.
		env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
		env.QUEUE_HEALTH_CHECK_PORT = ports.health;
	}
	return env;
}

/** The URL that answers 200 once a process is up. */
function readyUrl(process, host, ports) {
	const port = process.role === 'worker' ? ports.health : ports.http;
	return `http://${host}:${port}/healthz/readiness`;
}

module.exports = { N8N_VERSION, PROCESSES, DEPLOYMENT_VARIABLES, environment, readyUrl };
