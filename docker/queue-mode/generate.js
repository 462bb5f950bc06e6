#!/usr/bin/env node
// Writes docker-compose.yml beside this file from processes.js: the n8n services get exactly the
// commands and environment the queue-mode end-to-end suite runs. Run it after changing
// processes.js (`node docker/queue-mode/generate.js`); `--check` only tells whether the file is
// current (test/e2e/queueCompose.test.js does the same).
'use strict';

const fs = require('fs');
const path = require('path');

const { N8N_VERSION, PROCESSES, environment } = require('./processes');

const COMPOSE_FILE = path.join(__dirname, 'docker-compose.yml');

/** Inside the compose network every process has its own container, so the ports are n8n's defaults. */
const PORTS = { http: '5678', broker: '5679', health: '5680' };

/** Published on the host: the editor (main) and the public webhook endpoint (webhook process). */
const HOST_PORTS = { main: '5678', webhook: '5679' };

/** The deployment the compose file describes; `${…}` are filled in by Compose from `.env`. */
const COMPOSE_DEPLOYMENT = {
	encryptionKey: '${N8N_ENCRYPTION_KEY:?set N8N_ENCRYPTION_KEY in .env}',
	postgres: {
		host: 'postgres',
		port: '5432',
		database: 'n8n',
		user: 'n8n',
		password: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}',
	},
	redis: { host: 'redis', port: '6379', db: '0', keyPrefix: 'n8n', queuePrefix: 'bull' },
	webhookUrl: `\${N8N_WEBHOOK_URL:-http://localhost:${HOST_PORTS.webhook}/}`,
	editorUrl: `\${N8N_EDITOR_BASE_URL:-http://localhost:${HOST_PORTS.main}/}`,
	timezone: '${GENERIC_TIMEZONE:-UTC}',
	ports: () => PORTS,
};

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const q = (value) => JSON.stringify(String(value));
const flow = (list) => `[${list.map(q).join(', ')}]`;

function healthcheck(lines, indent, test) {
	lines.push(
		`${indent}healthcheck:`,
		`${indent}  test: ${flow(test)}`,
		`${indent}  interval: 5s`,
		`${indent}  timeout: 5s`,
		`${indent}  retries: 30`,
	);
}

function n8nService(spec) {
	const lines = [
		`  ${spec.service}:`,
		'    <<: *n8n',
		`    command: ${flow(spec.command)}`,
		'    environment:',
	];
	for (const [key, value] of Object.entries(environment(spec, COMPOSE_DEPLOYMENT)))
		lines.push(`      ${key}: ${q(value)}`);
	if (HOST_PORTS[spec.role])
		lines.push('    ports:', `      - ${q(`${HOST_PORTS[spec.role]}:${PORTS.http}`)}`);
	lines.push('    depends_on:');
	for (const service of ['postgres', 'redis', ...spec.after]) {
		lines.push(`      ${service}:`, '        condition: service_healthy');
	}
	const port = spec.role === 'worker' ? PORTS.health : PORTS.http;
	healthcheck(lines, '    ', [
		'CMD-SHELL',
		`wget -qO- http://127.0.0.1:${port}/healthz/readiness || exit 1`,
	]);
	return lines;
}

function composeFile() {
	const lines = [
		'# n8n in queue mode with the n8n-nodes-bitrix24 community package: PostgreSQL, Redis, one main,',
		'# one webhook process and two workers (README → "Queue mode").',
		'#',
		'# Written by `node docker/queue-mode/generate.js` from processes.js, the commands and environment',
		'# the queue-mode end-to-end suite starts and proves (test/e2e/queueMode.test.js). Do not edit the',
		'# n8n services here: edit processes.js and run the generator (test/e2e/queueCompose.test.js fails',
		'# when the two differ).',
		'name: n8n-bitrix24-queue',
		'',
		'x-n8n: &n8n',
		'  # n8n with the package installed (Dockerfile; `npm pack` puts the tarball into this folder).',
		`  image: n8n-nodes-bitrix24/n8n:${N8N_VERSION}`,
		'  build:',
		'    context: .',
		'    args:',
		`      N8N_VERSION: ${q(N8N_VERSION)}`,
		'  restart: unless-stopped',
		'',
		'services:',
		'  postgres:',
		'    image: postgres:17',
		'    restart: unless-stopped',
		'    environment:',
		`      POSTGRES_DB: ${q(COMPOSE_DEPLOYMENT.postgres.database)}`,
		`      POSTGRES_USER: ${q(COMPOSE_DEPLOYMENT.postgres.user)}`,
		`      POSTGRES_PASSWORD: ${q(COMPOSE_DEPLOYMENT.postgres.password)}`,
		'    volumes:',
		'      - postgres_data:/var/lib/postgresql/data',
	];
	healthcheck(lines, '    ', [
		'CMD-SHELL',
		`pg_isready -U ${COMPOSE_DEPLOYMENT.postgres.user} -d ${COMPOSE_DEPLOYMENT.postgres.database}`,
	]);
	lines.push(
		'',
		'  redis:',
		'    image: redis:7',
		'    restart: unless-stopped',
		'    volumes:',
		'      - redis_data:/data',
	);
	healthcheck(lines, '    ', ['CMD', 'redis-cli', 'ping']);
	for (const spec of PROCESSES) lines.push('', ...n8nService(spec));
	lines.push('', 'volumes:', '  postgres_data:', '  redis_data:', '');
	return lines.join('\n');
}

if (require.main === module) {
	const text = composeFile();
	const current = fs.existsSync(COMPOSE_FILE) && fs.readFileSync(COMPOSE_FILE, 'utf8') === text;
	if (process.argv.includes('--check')) {
		process.stdout.write(
			current
				? 'docker-compose.yml is current\n'
				: 'docker-compose.yml is out of date: run node docker/queue-mode/generate.js\n',
		);
		process.exitCode = current ? 0 : 1;
	} else if (!current) {
		fs.writeFileSync(COMPOSE_FILE, text);
		process.stdout.write(`wrote ${path.relative(process.cwd(), COMPOSE_FILE)}\n`);
	}
}

module.exports = { composeFile, COMPOSE_FILE, COMPOSE_DEPLOYMENT, PORTS, HOST_PORTS };
