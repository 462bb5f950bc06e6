'use strict';

/**
 * Resident memory of another process, sampled from /proc/<pid>/status (Linux): VmRSS every
 * few milliseconds, with the time of each sample, so a peak can be taken over part of a run.
 */

const fs = require('node:fs');

const SAMPLE_MS = 20;

/** VmRSS and VmHWM of a process in bytes, or undefined once it is gone. @param {number} pid */
function readMemory(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
	} catch {
		return undefined;
	}
}

/**
 * Samples a process until `stop()`. `peakBetween(from, to)` is the highest VmRSS sampled in that
 * window (ms since the epoch), `lastBefore(at)` the last sample before a moment, `hwm` the
 * process's own high-water mark when last read.
 * @param {number} pid
 */
function sampleProcess(pid) {
	/** @type {Array<{at: number, rss: number}>} */
	const samples = [];
	let hwm = 0;
	const sample = () => {
		const memory = readMemory(pid);
		if (!memory) return;
		samples.push({ at: Date.now(), rss: memory.rss });
		hwm = Math.max(hwm, memory.hwm);
	};
	sample();
	const timer = setInterval(sample, SAMPLE_MS);
	return {
		stop() {
			sample();
			clearInterval(timer);
		},
		get hwm() {
			return hwm;
		},
		peakBetween(from, to) {
			let peak = 0;
			for (const { at, rss } of samples) if (at >= from && at <= to) peak = Math.max(peak, rss);
			return peak;
		},
		lastBefore(at) {
			let last = samples[0]?.rss ?? 0;
			for (const sample of samples) if (sample.at <= at) last = sample.rss;
			return last;
		},
	};
}

module.exports = { sampleProcess, readMemory };
