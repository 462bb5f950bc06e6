'use strict';

/**
 * A virtual clock for benchmarks against the in-process sandbox portal.
 *
 * Bitrix24 allows 2 requests per second after a burst of 50, so an honest run of 10,000 requests
 * takes over an hour of mostly *waiting*. This clock keeps everything that runs (client code, the
 * n8n engine, the sandbox's request handling) on real time, and skips the waits: whenever the
 * process has nothing to do but wait for a timer, the clock jumps forward to that timer.
 *
 *   virtual now = real now + all the time skipped so far
 *
 * "Nothing to do" is known exactly, not guessed: every HTTP exchange with the sandbox is tracked
 * (client requests through `diagnostics_channel`, from creation until `close`), and the sandbox
 * waits out its latency through `parkedSleep`, so an exchange counts as idle only while the
 * sandbox holds it on a virtual timer. A jump happens only when every open exchange is parked
 * there, no timer is already due, no file or DNS request is in flight, and one more turn of the
 * event loop brought nothing new.
 *
 * `install()` replaces `Date.now`, `performance.now`, `setTimeout`/`setInterval` and their `clear*`
 * (global and `node:timers`), and `setTimeout`/`scheduler.wait` of `node:timers/promises`; it
 * must run before the code under test is loaded. `setImmediate`, `process.hrtime` and
 * `new Date()` stay real: none of the measured clients waits or times anything with them.
 */

const diagnostics = require('node:diagnostics_channel');
const timers = require('node:timers');
const timersPromises = require('node:timers/promises');
const util = require('node:util');
const { syncBuiltinESMExports } = require('node:module');
const { TimerQueue } = require('./timer-queue');

/** The real functions, for the clock itself and for measuring (memory sampling). */
const real = {
	dateNow: Date.now,
	performanceNow: performance.now.bind(performance),
	setTimeout: globalThis.setTimeout,
	clearTimeout: globalThis.clearTimeout,
	setInterval: globalThis.setInterval,
	clearInterval: globalThis.clearInterval,
	setImmediate: globalThis.setImmediate,
};

const TIMEOUT_MAX = 2 ** 31 - 1;

let skippedMs = 0;
let nextId = 1;
let nextSeq = 1;
/** @type {Map<number, VirtualTimer>} */
const active = new Map();
/** Timers whose numeric id was handed out (clearTimeout(number)). */
const byPrimitive = new Map();
/** How many active timers keep the process alive (ref'd). */
let refedCount = 0;
/** Scheduled entries {due, seq, timer, generation}; stale ones are skipped when they come up. */
const queue = new TimerQueue();
/** Open client HTTP requests, and those of them the sandbox holds on a virtual timer. */
let openExchanges = 0;
let parkedExchanges = 0;
/** Bumped on every change the idle check must notice. */
let epoch = 0;
let checkScheduled = false;
/** @type {ReturnType<typeof setTimeout> | null} */
let realTimer = null;
let realTimerDue = Infinity;
const stats = { jumps: 0, timersFired: 0 };

const now = () => real.dateNow() + skippedMs;

class VirtualTimer {
	/**
	 * @param {Function} callback @param {unknown[]} args @param {number} delay
	 * @param {boolean} repeat
	 */
	constructor(callback, args, delay, repeat) {
		this.id = nextId++;
		this.callback = callback;
		this.args = args;
		this.delay = delay;
		this.repeat = repeat;
		this.refed = true;
		this.cleared = false;
		this.generation = 0;
		this.due = 0;
	}

	ref() {
		if (!this.refed && active.has(this.id)) refedCount++;
		this.refed = true;
		updateRealTimer();
		return this;
	}

	unref() {
		if (this.refed && active.has(this.id)) refedCount--;
		this.refed = false;
		updateRealTimer();
		return this;
	}

	hasRef() {
		return this.refed;
	}

	/** Restarts the delay from now; like Node, this also re-arms a timer that already fired. */
	refresh() {
		if (!this.cleared) schedule(this);
		return this;
	}

	close() {
		cancel(this);
		return this;
	}

	/** Like Node's timers, the primitive form is accepted by clearTimeout. */
	[Symbol.toPrimitive]() {
		byPrimitive.set(this.id, this);
		return this.id;
	}
}

/** @param {VirtualTimer} timer */
function schedule(timer) {
	timer.generation++;
	timer.due = now() + timer.delay;
	if (!active.has(timer.id) && timer.refed) refedCount++;
	active.set(timer.id, timer);
	queue.push({ due: timer.due, seq: nextSeq++, timer, generation: timer.generation });
	changed();
}

/** @param {unknown} handle */
function cancel(handle) {
	if (handle === null || handle === undefined) return;
	const timer = handle instanceof VirtualTimer ? handle : byPrimitive.get(handle);
	if (!timer) {
		real.clearTimeout(handle); // a real timer (Node's own, or its numeric id)
		return;
	}
	byPrimitive.delete(timer.id);
	timer.cleared = true;
	if (!active.has(timer.id)) return;
	deactivate(timer);
	changed();
}

/** @param {VirtualTimer} timer */
function deactivate(timer) {
	active.delete(timer.id);
	byPrimitive.delete(timer.id);
	if (timer.refed) refedCount--;
	timer.generation++;
}

function normalizeDelay(delay) {
	const ms = Number(delay);
	return ms >= 1 && ms <= TIMEOUT_MAX ? ms : 1;
}

function virtualSetTimeout(callback, delay, ...args) {
	if (typeof callback !== 'function')
		throw new TypeError('The "callback" argument must be a function');
	const timer = new VirtualTimer(callback, args, normalizeDelay(delay), false);
	schedule(timer);
	return timer;
}

function virtualSetInterval(callback, delay, ...args) {
	if (typeof callback !== 'function')
		throw new TypeError('The "callback" argument must be a function');
	const timer = new VirtualTimer(callback, args, normalizeDelay(delay), true);
	schedule(timer);
	return timer;
}

/** timers/promises setTimeout(delay, value, {signal, ref}) on the virtual clock. */
function virtualDelay(delay, value, options = {}) {
	const { signal, ref = true } = options;
	if (signal?.aborted) return Promise.reject(abortError(signal));
	return new Promise((resolve, reject) => {
		const timer = virtualSetTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve(value);
		}, delay);
		if (!ref) timer.unref();
		function onAbort() {
			cancel(timer);
			reject(abortError(signal));
		}
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

function abortError(signal) {
	const error = new Error('The operation was aborted', { cause: signal?.reason });
	error.name = 'AbortError';
	error.code = 'ABORT_ERR';
	return error;
}

/**
 * Waits `ms` virtual milliseconds with the caller's HTTP exchange parked: the sandbox's `sleep`.
 * @param {number} ms
 */
function parkedSleep(ms) {
	if (!(ms > 0)) return Promise.resolve();
	parkedExchanges++;
	return new Promise((resolve) => {
		virtualSetTimeout(() => {
			parkedExchanges--;
			changed();
			resolve();
		}, ms);
	});
}

// ----- the driver -----

function changed() {
	epoch++;
	updateRealTimer();
	if (!checkScheduled) {
		checkScheduled = true;
		real.setImmediate(() => idleCheck(epoch));
	}
}

/** The earliest live entry (stale ones are dropped). */
function earliest() {
	while (queue.size > 0) {
		const top = queue.peek();
		if (active.get(top.timer.id) === top.timer && top.generation === top.timer.generation)
			return top;
		queue.pop();
	}
	return null;
}

/**
 * Runs in the check phase. First runs one due timer (one per turn, so microtasks run in between
 * as with Node's own timers). Otherwise, if nothing but timers is pending, confirms over one more
 * loop turn and jumps the clock to the earliest timer.
 * @param {number} seenEpoch
 * @param {boolean} [confirming]
 */
function idleCheck(seenEpoch, confirming = false) {
	checkScheduled = false;
	const next = earliest();
	if (!next) return;
	if (next.due <= now()) {
		fire(next);
		return;
	}
	if (openExchanges > parkedExchanges) return; // something is on the wire; it will call changed()
	if (!confirming || seenEpoch !== epoch) {
		checkScheduled = true;
		const at = epoch;
		real.setImmediate(() => idleCheck(at, true));
		return;
	}
	if (ioPending()) {
		// File or DNS work (a module loading, say) is not tracked like HTTP: look again shortly.
		checkScheduled = true;
		real.setTimeout(() => idleCheck(epoch), 1);
		return;
	}
	skippedMs += next.due - now();
	stats.jumps++;
	fire(next);
}

/** libuv requests in flight: file system, DNS, connects, writes, compression. */
const IO_REQUEST = /Req|ConnectWrap|ShutdownWrap|WriteWrap|Zlib/;

function ioPending() {
	return process.getActiveResourcesInfo().some((name) => IO_REQUEST.test(name));
}

/** @param {{timer: VirtualTimer}} entry */
function fire(entry) {
	queue.pop();
	const { timer } = entry;
	if (timer.repeat) schedule(timer);
	else deactivate(timer);
	stats.timersFired++;
	changed();
	timer.callback.apply(timer, timer.args);
}

/** A real timer for the earliest virtual one, so timers also fire when the process never idles. */
function updateRealTimer() {
	const next = earliest();
	if (!next) {
		if (realTimer) real.clearTimeout(realTimer);
		realTimer = null;
		realTimerDue = Infinity;
		return;
	}
	const refed = refedCount > 0;
	if (realTimer && realTimerDue === next.due) {
		if (refed) realTimer.ref();
		else realTimer.unref();
		return;
	}
	if (realTimer) real.clearTimeout(realTimer);
	realTimerDue = next.due;
	realTimer = real.setTimeout(
		() => {
			realTimer = null;
			realTimerDue = Infinity;
			changed();
		},
		Math.max(0, next.due - now()),
	);
	if (!refed) realTimer.unref();
}

// ----- installation -----

let installed = false;

function trackClientRequests() {
	diagnostics.subscribe('http.client.request.start', ({ request }) => {
		openExchanges++;
		changed();
		request.once('close', () => {
			openExchanges--;
			changed();
		});
	});
}

/** Puts this process on the virtual clock. Call before loading the code under test. */
function install() {
	if (installed) return;
	installed = true;
	virtualSetTimeout[util.promisify.custom] = virtualDelay;
	Date.now = now;
	performance.now = () => real.performanceNow() + skippedMs;
	globalThis.setTimeout = virtualSetTimeout;
	globalThis.clearTimeout = cancel;
	globalThis.setInterval = virtualSetInterval;
	globalThis.clearInterval = cancel;
	timers.setTimeout = virtualSetTimeout;
	timers.clearTimeout = cancel;
	timers.setInterval = virtualSetInterval;
	timers.clearInterval = cancel;
	timersPromises.setTimeout = virtualDelay;
	if (timersPromises.scheduler)
		timersPromises.scheduler.wait = (ms, options) => virtualDelay(ms, undefined, options);
	syncBuiltinESMExports();
	trackClientRequests();
}

module.exports = {
	install,
	now,
	parkedSleep,
	real,
	/** Milliseconds skipped so far, jumps made and timers fired (for the report). */
	stats: () => ({ skippedMs, ...stats }),
	/** The clock's internal state, for diagnosing a run that hangs or races. */
	debug: () => ({
		openExchanges,
		parkedExchanges,
		active: active.size,
		queued: queue.size,
		refedCount,
		checkScheduled,
		realTimerDue: realTimerDue - now(),
		epoch,
	}),
};
