'use strict';

/**
 * The Graph API routes of the fake (PROTOCOL.md §1–§3, §7): messages, media, templates, the
 * phone number and WhatsApp Business Account reads, and webhook subscriptions. Each handler gets
 * the parsed request and returns `{status, body}` or a Buffer answer for media downloads.
 */

const crypto = require('node:crypto');
const { graphError } = require('./errors');

const MESSAGE_TYPES = [
	'text',
	'image',
	'audio',
	'video',
	'document',
	'sticker',
	'template',
	'interactive',
	'reaction',
	'location',
	'contacts',
];
const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];

/** Accepted MIME types and size limits per media type (PROTOCOL.md §3). */
const MEDIA_RULES = {
	image: { mimes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
	audio: {
		mimes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * 1024 * 1024,
	},
	video: { mimes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * 1024 * 1024 },
	sticker: { mimes: ['image/webp'], maxBytes: 500 * 1024 },
	document: { mimes: null, maxBytes: 100 * 1024 * 1024 },
};

function mediaTypeOfMime(mime) {
	for (const [type, rule] of Object.entries(MEDIA_RULES)) {
		if (type === 'sticker' || type === 'document') continue;
		if (rule.mimes.includes(mime)) return type;
	}
	return mime === 'image/webp' ? 'sticker' : 'document';
}

const ok = (body) => ({ status: 200, body });
const invalid = (details) => graphError(100, { details });
const missing = (details) => graphError(131008, { details });

function newId(prefix = '') {
	return `${prefix}${BigInt(`0x${crypto.randomBytes(7).toString('hex')}`).toString()}`;
}

function wamid() {
	return `wamid.${Buffer.from(crypto.randomBytes(24)).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}`;
}

/** Placeholders {{1}}, {{2}} … or {{name}} in a template text. */
function placeholders(text) {
	return [...String(text ?? '').matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]);
}

/** What a template component expects: parameter counts per component and button. */
function expectedParameters(template) {
	const expected = {};
	for (const component of template.components ?? []) {
		const type = String(component.type).toLowerCase();
		if (type === 'header') {
			const format = String(component.format ?? 'TEXT').toUpperCase();
			expected.header = format === 'TEXT' ? placeholders(component.text).length : 1;
		} else if (type === 'body') {
			expected.body = placeholders(component.text).length;
		} else if (type === 'buttons') {
			(component.buttons ?? []).forEach((button, index) => {
				const kind = String(button.type).toUpperCase();
				if (kind === 'URL') expected[`button:${index}`] = placeholders(button.url).length;
				if (kind === 'QUICK_REPLY') expected[`button:${index}`] = 0;
			});
		}
	}
	return expected;
}

/** Checks a template message against the stored template: 132001 / 132000 / null. */
function checkTemplateMessage(templates, wabaId, message) {
	const name = message?.name;
	const code = message?.language?.code;
	if (!name || !code) return missing('template.name and template.language.code are required');
	const template = [...templates.values()].find(
		(candidate) =>
			candidate.wabaId === wabaId && candidate.name === name && candidate.language === code,
	);
	if (!template || template.status !== 'APPROVED') {
		return graphError(132001, {
			details: `template name (${name}) does not exist in ${code}`,
		});
	}
	const expected = expectedParameters(template);
	const given = {};
	for (const component of message.components ?? []) {
		const type = String(component.type).toLowerCase();
		const key = type === 'button' ? `button:${Number(component.index)}` : type;
		given[key] = (component.parameters ?? []).length;
	}
	for (const key of new Set([...Object.keys(expected), ...Object.keys(given)])) {
		const wants = expected[key] ?? 0;
		const gets = given[key] ?? 0;
		// A quick-reply button may carry a payload; it has no placeholder.
		if (key.startsWith('button:') && wants === 0 && gets <= 1) continue;
		if (wants !== gets) {
			return graphError(132000, {
				details: `${key}: number of localizable_params (${gets}) does not match the expected number of params (${wants})`,
			});
		}
	}
	return null;
}

/** Validates a send body as the Cloud API does (the parts the fake knows). */
function checkMessage(body, state) {
	if (body.messaging_product !== 'whatsapp') {
		return invalid('The parameter messaging_product is required and must be "whatsapp".');
	}
	if (body.status === 'read') return null;
	if (!body.to) return missing('The parameter to is required.');
	const type = body.type ?? 'text';
	if (!MESSAGE_TYPES.includes(type)) return graphError(131051);
	const content = body[type];
	if (content === undefined || content === null || typeof content !== 'object') {
		return missing(`The parameter ${type} is required.`);
	}
	if (body.biz_opaque_callback_data !== undefined && String(body.biz_opaque_callback_data).length > 512) {
		return invalid('biz_opaque_callback_data must be at most 512 characters.');
	}
	if (type === 'text') {
		if (typeof content.body !== 'string' || content.body.length === 0)
			return missing('text.body is required.');
		if (content.body.length > 4096) return invalid('text.body must be at most 4096 characters.');
	}
	if (MEDIA_TYPES.includes(type)) {
		if (!content.id === !content.link) return invalid(`${type} needs exactly one of id or link.`);
		if (content.id && !state.media.has(String(content.id))) {
			return graphError(131053, { details: `Media id ${content.id} is not known.` });
		}
		if (content.link && !/^https?:\/\//.test(String(content.link))) {
			return invalid(`${type}.link must be an http(s) URL.`);
		}
		if (content.caption !== undefined && (type === 'audio' || type === 'sticker')) {
			return invalid(`${type} messages have no caption.`);
		}
	}
	if (type === 'interactive') {
		const kind = content.type;
		if (!content.body?.text && kind !== 'location_request_message')
			return missing('interactive.body.text is required.');
		if (kind === 'button') {
			const buttons = content.action?.buttons ?? [];
			if (buttons.length < 1 || buttons.length > 3) return invalid('Reply buttons: 1 to 3 buttons.');
			for (const button of buttons) {
				if (!button.reply?.id || !button.reply?.title)
					return missing('Each button needs reply.id and reply.title.');
				if (button.reply.title.length > 20) return invalid('A button title is at most 20 characters.');
			}
		} else if (kind === 'list') {
			if (!content.action?.button) return missing('interactive.action.button is required.');
			const rows = (content.action.sections ?? []).flatMap((section) => section.rows ?? []);
			if (rows.length < 1 || rows.length > 10) return invalid('A list has 1 to 10 rows in total.');
			for (const row of rows) {
				if (!row.id || !row.title) return missing('Each row needs id and title.');
				if (row.title.length > 24) return invalid('A row title is at most 24 characters.');
				if (row.description && row.description.length > 72)
					return invalid('A row description is at most 72 characters.');
			}
		} else if (kind === 'cta_url') {
			const parameters = content.action?.parameters;
			if (!parameters?.display_text || !parameters?.url)
				return missing('cta_url needs action.parameters.display_text and url.');
		} else {
			return graphError(131051, { details: `interactive type ${kind} is not supported here.` });
		}
	}
	if (type === 'reaction' && (!content.message_id || content.emoji === undefined)) {
		return missing('reaction needs message_id and emoji.');
	}
	if (type === 'location' && (content.latitude === undefined || content.longitude === undefined)) {
		return missing('location needs latitude and longitude.');
	}
	if (type === 'contacts' && !(Array.isArray(content) ? content : []).length) {
		return missing('contacts needs at least one contact.');
	}
	return null;
}

/** `contacts` must be an array, which checkMessage sees as an object. */
function messageContent(body) {
	return body[body.type ?? 'text'];
}

function templatePublic(template, fields) {
	const full = {
		id: template.id,
		name: template.name,
		language: template.language,
		status: template.status,
		category: template.category,
		components: template.components,
		parameter_format: template.parameterFormat ?? 'POSITIONAL',
	};
	if (!fields) return full;
	const picked = { id: template.id };
	for (const field of fields) if (field in full) picked[field] = full[field];
	return picked;
}

module.exports = {
	MEDIA_TYPES,
	MEDIA_RULES,
	mediaTypeOfMime,
	checkMessage,
	checkTemplateMessage,
	expectedParameters,
	messageContent,
	templatePublic,
	newId,
	wamid,
	ok,
	invalid,
	missing,
};
