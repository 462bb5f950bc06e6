// Which operating-system process sent each request local HTTP servers (the sandbox portal, a
// channel fake) receive, WebSocket upgrades included: while a request is in flight, the client end
// of its TCP connection is found in /proc/net/tcp{,6} and its socket inode among the open files of
// the processes watched. Linux only.
const fs = require('fs');

/** Client port → socket inode, for connections to `serverPort`. */
function socketInode(clientPort, serverPort) {
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text;
		try {
			text = fs.readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields.length < 10) continue;
			const local = parseInt(fields[1].split(':')[1], 16);
			const remote = parseInt(fields[2].split(':')[1], 16);
			if (local === clientPort && remote === serverPort) return fields[9];
		}
	}
	return undefined;
}

function ownsSocket(pid, inode) {
	let fds;
	try {
		fds = fs.readdirSync(`/proc/${pid}/fd`);
	} catch {
		return false;
	}
	const target = `socket:[${inode}]`;
	for (const fd of fds) {
		try {
			if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return true;
		} catch {
			// closed meanwhile
		}
	}
	return false;
}

/** The REST method of a Bitrix24 request path (webhook or OAuth form), lower-cased. */
function restMethodOf(pathname) {
	const match = /^\/rest\/(?:\d+\/[^/]+\/)?([^/?]+?)(?:\.json|\.xml)?\/?$/.exec(pathname);
	return match ? match[1].toLowerCase() : null;
}

class RequestAttribution {
	/**
	 * @param {import('http').Server} server
	 * @param {() => Record<string, number | undefined>} processes name → pid of the processes to
	 *   tell apart (read at every new connection); the test process itself is 'test'
	 */
	constructor(server, processes) {
		this.processes = processes;
		/**
		 * @type {{ process: string, server: string, method: string, path: string,
		 *   restMethod: string | null, upgrade: boolean }[]}
		 */
		this.entries = [];
		this.byInode = new Map();
		/** @type {{ server: import('http').Server, onRequest: Function, onUpgrade: Function }[]} */
		this.watched = [];
		this.watch(server, 'portal');
	}

	/** Also attributes the requests (and WebSocket upgrades) of another server, e.g. a channel fake. */
	watch(server, name) {
		const onRequest = (req) => this.record(req, name, false);
		const onUpgrade = (req) => this.record(req, name, true);
		server.prependListener('request', onRequest);
		// Only where the server takes upgrades: a listener would keep an unwanted one from being closed.
		if (server.listenerCount('upgrade') > 0) server.prependListener('upgrade', onUpgrade);
		this.watched.push({ server, onRequest, onUpgrade });
	}

	whoOwns(inode) {
		if (!inode) return 'unknown';
		if (this.byInode.has(inode)) return this.byInode.get(inode);
		const candidates = { ...this.processes(), test: process.pid };
		let owner = 'unknown';
		for (const [name, pid] of Object.entries(candidates)) {
			if (pid && ownsSocket(pid, inode)) {
				owner = name;
				break;
			}
		}
		// A socket found nowhere (closed meanwhile) is not remembered.
		if (owner !== 'unknown') this.byInode.set(inode, owner);
		return owner;
	}

	record(req, server, upgrade) {
		const inode = socketInode(req.socket.remotePort, req.socket.localPort);
		const url = new URL(req.url, 'http://local');
		this.entries.push({
			process: this.whoOwns(inode),
			server,
			method: req.method,
			path: url.pathname,
			restMethod: server === 'portal' ? restMethodOf(url.pathname) : null,
			upgrade,
		});
	}

	/** Requests to the portal for a REST method (lower-case), or for any of several. */
	calls(...restMethods) {
		return this.entries.filter((entry) => restMethods.includes(entry.restMethod));
	}

	/** { process name: count } of some entries. */
	static byProcess(entries) {
		const counts = {};
		for (const entry of entries) counts[entry.process] = (counts[entry.process] ?? 0) + 1;
		return counts;
	}

	detach() {
		for (const { server, onRequest, onUpgrade } of this.watched) {
			server.removeListener('request', onRequest);
			server.removeListener('upgrade', onUpgrade);
		}
		this.watched = [];
	}
}

module.exports = { RequestAttribution, restMethodOf };
