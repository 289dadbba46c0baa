'use strict';
const { randomUUID } = require('node:crypto');
const { notes, respond } = require('/opt/nodejs/common');

module.exports.create = async (event) => {
  const note = { id: randomUUID(), text: JSON.parse(event.body || '{}').text || '' };
  await notes.put(note);
  return respond(201, note);
};

module.exports.list = async () => respond(200, { notes: await notes.list() });

module.exports.get = async (event) => {
  const note = await notes.get(event.pathParameters.id);
  return note ? respond(200, note) : respond(404, { message: 'not found' });
};

module.exports.remove = async (event) => {
  await notes.remove(event.pathParameters.id);
  return respond(204, null);
};
