// docker/queue-mode/docker-compose.yml runs what the queue-mode suite proves: its n8n services have
// exactly the commands and environment of docker/queue-mode/processes.js (the module
// test/e2e/queueMode.test.js starts its processes from), it is the generator's current output,
// and its image installs the package as the suite does, on the n8n version the suite runs.
const fs = require('fs');
const path = require('path');

const {
	PROCESSES,
	DEPLOYMENT_VARIABLES,
	N8N_VERSION,
	environment,
} = require('../../docker/queue-mode/processes');
const {
	composeFile,
	COMPOSE_FILE,
	COMPOSE_DEPLOYMENT,
} = require('../../docker/queue-mode/generate');
const { PACKAGE_INSTALL_ARGS } = require('../../scripts/n8n/instance');

const DOCKERFILE = path.join(__dirname, '..', '..', 'docker', 'queue-mode', 'Dockerfile');

/** A deployment as the suite makes one (test/e2e/queue/deployment.js), with other values. */
const SUITE_LIKE = {
	encryptionKey: 'key',
	postgres: {
		host: '127.0.0.1',
		port: '5432',
		database: 'b24q_1_x',
		user: 'postgres',
		password: '',
	},
	redis: {
		host: '127.0.0.1',
		port: '6379',
		db: '0',
		keyPrefix: 'b24q_1_x',
		queuePrefix: 'b24q_1_x-bull',
	},
	webhookUrl: 'http://127.0.0.1:30001/',
	editorUrl: 'http://127.0.0.1:30000/',
	timezone: 'UTC',
	ports: (spec) => ({
		http: `3${PROCESSES.indexOf(spec)}000`,
		broker: `3${PROCESSES.indexOf(spec)}001`,
		health: `3${PROCESSES.indexOf(spec)}002`,
	}),
};

describe('docker/queue-mode/docker-compose.yml', () => {
	const state = JSON.parse(fs.readFileSync(process.env.BITRIX24_E2E_STATE, 'utf8'));
	// The installed n8n's YAML parser (merge keys as Compose reads them).
	const YAML = require(path.join(state.runtime.dir, 'node_modules', 'yaml'));
	const text = fs.readFileSync(COMPOSE_FILE, 'utf8');
	const compose = YAML.parse(text, { merge: true });

	it('is what generate.js writes from processes.js (else run: node docker/queue-mode/generate.js)', () => {
		expect(text).toBe(composeFile());
	});

	it('has one service per process, with exactly its command and environment', () => {
		const n8nServices = Object.keys(compose.services).filter((name) => name.startsWith('n8n-'));
		expect(n8nServices.sort()).toEqual(PROCESSES.map((p) => p.service).sort());
		for (const spec of PROCESSES) {
			const service = compose.services[spec.service];
			expect(service.command).toEqual(spec.command);
			expect(service.environment).toEqual(environment(spec, COMPOSE_DEPLOYMENT));
			expect(Object.keys(service.depends_on).sort()).toEqual(
				['postgres', 'redis', ...spec.after].sort(),
			);
		}
	});

	it('differs from what the suite runs only in the deployment values (hosts, ports, names, secrets, URLs)', () => {
		for (const spec of PROCESSES) {
			const inCompose = compose.services[spec.service].environment;
			const inSuite = environment(spec, SUITE_LIKE);
			expect(Object.keys(inCompose)).toEqual(Object.keys(inSuite));
			const differing = Object.keys(inSuite).filter((key) => inSuite[key] !== inCompose[key]);
			expect(DEPLOYMENT_VARIABLES).toEqual(expect.arrayContaining(differing));
		}
	});

	it('builds n8n at the version the suite runs, with the package installed as the suite installs it', () => {
		const dockerfile = fs.readFileSync(DOCKERFILE, 'utf8');
		expect(state.runtime.version).toBe(N8N_VERSION);
		expect(dockerfile).toContain(`ARG N8N_VERSION=${N8N_VERSION}`);
		expect(compose['x-n8n'].build.args.N8N_VERSION).toBe(N8N_VERSION);
		expect(dockerfile).toContain(
			`npm ${PACKAGE_INSTALL_ARGS.join(' ')} /tmp/n8n-nodes-bitrix24.tgz`,
		);
		expect(dockerfile).toContain('/home/node/.n8n/nodes');
	});
});
