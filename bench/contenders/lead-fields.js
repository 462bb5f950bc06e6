'use strict';

/** The lead every direct-API contender creates for one input item (what the node's parameters build). */
const leadFields = (item) => ({
	TITLE: item.title,
	NAME: item.name,
	SOURCE_ID: 'WEB',
	PHONE: [{ VALUE: item.phone, VALUE_TYPE: 'WORK' }],
	EMAIL: [{ VALUE: item.email, VALUE_TYPE: 'WORK' }],
});

module.exports = { leadFields };
