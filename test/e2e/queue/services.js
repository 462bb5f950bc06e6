// PostgreSQL and Redis for a queue-mode run: a database of its own, created and dropped, and Redis
// keys under prefixes of its own, deleted after. The clients are the ones the installed n8n brings
// (pg, ioredis), so the package gains no dependency.
const crypto = require('crypto');
const path = require('path');

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };
const REDIS = { host: '127.0.0.1', port: 6379, db: 0 };

/** Databases and prefixes of this suite are named b24q_<unix seconds>_<random>. */
const NAME = /^b24q_(\d+)_[a-z0-9]+$/;
/** A leftover of a run that was killed; no run lasts this long. */
const STALE_S = 6 * 3600;

const fromRuntime = (runtime, name) => require(path.join(runtime.dir, 'node_modules', name));

function runName() {
	return `b24q_${Math.floor(Date.now() / 1000)}_${crypto.randomBytes(4).toString('hex')}`;
}

const isStale = (name) => {
	const match = NAME.exec(name);
	return Boolean(match) && Number(match[1]) < Date.now() / 1000 - STALE_S;
};

const HOW_TO_START =
	'.ci/run starts it when it does not answer; see /work/.library/env/machines/node-svc.md or your machine for the command';

async function postgresAdmin(runtime) {
	const { Client } = fromRuntime(runtime, 'pg');
	const client = new Client({ ...POSTGRES, database: 'postgres' });
	try {
		await client.connect();
	} catch (error) {
		throw new Error(
			`PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} does not answer (${error.message}); ${HOW_TO_START}`,
		);
	}
	return client;
}

/** Creates the run's database (dropping leftovers of killed runs first). */
async function createDatabase(runtime, name) {
	const admin = await postgresAdmin(runtime);
	try {
		const { rows } = await admin.query(
			"select datname from pg_database where datname like 'b24q\\_%'",
		);
		for (const { datname } of rows) {
			if (isStale(datname)) await admin.query(`drop database if exists "${datname}" with (force)`);
		}
		await admin.query(`create database "${name}"`);
	} finally {
		await admin.end();
	}
}

async function dropDatabase(runtime, name) {
	const admin = await postgresAdmin(runtime);
	try {
		await admin.query(`drop database if exists "${name}" with (force)`);
	} finally {
		await admin.end();
	}
}

/** A client of the run's database, for reading executions. */
async function openDatabase(runtime, name) {
	const { Client } = fromRuntime(runtime, 'pg');
	const client = new Client({ ...POSTGRES, database: name });
	await client.connect();
	return client;
}

async function redisClient(runtime) {
	const Redis = fromRuntime(runtime, 'ioredis');
	const client = new Redis({
		...REDIS,
		lazyConnect: true,
		maxRetriesPerRequest: 1,
		retryStrategy: () => null,
	});
	try {
		await client.connect();
		await client.ping();
	} catch (error) {
		client.disconnect();
		throw new Error(
			`Redis at ${REDIS.host}:${REDIS.port} does not answer (${error.message}); ${HOW_TO_START}`,
		);
	}
	return client;
}

async function keysMatching(client, pattern) {
	const keys = [];
	let cursor = '0';
	do {
		const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
		cursor = next;
		keys.push(...batch);
	} while (cursor !== '0');
	return keys;
}

/** Redis answers; leftover keys of killed runs are deleted. */
async function checkRedis(runtime) {
	const client = await redisClient(runtime);
	try {
		const stale = (await keysMatching(client, 'b24q_*')).filter((key) =>
			isStale(key.split(':')[0].replace(/-bull$/, '')),
		);
		if (stale.length > 0) await client.del(...stale);
	} finally {
		client.disconnect();
	}
}

/** Deletes the run's keys (every key under its prefixes); returns how many there were. */
async function deleteRedisKeys(runtime, prefixes) {
	const client = await redisClient(runtime);
	try {
		let deleted = 0;
		for (const prefix of prefixes) {
			const keys = await keysMatching(client, `${prefix}:*`);
			for (let i = 0; i < keys.length; i += 500)
				deleted += await client.del(...keys.slice(i, i + 500));
		}
		return deleted;
	} finally {
		client.disconnect();
	}
}

/** How many keys are under the prefixes (0 after clean-up). */
async function countRedisKeys(runtime, prefixes) {
	const client = await redisClient(runtime);
	try {
		let count = 0;
		for (const prefix of prefixes) count += (await keysMatching(client, `${prefix}:*`)).length;
		return count;
	} finally {
		client.disconnect();
	}
}

module.exports = {
	POSTGRES,
	REDIS,
	runName,
	createDatabase,
	dropDatabase,
	openDatabase,
	checkRedis,
	deleteRedisKeys,
	countRedisKeys,
	fromRuntime,
};
