'use strict';
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, GetCommand, PutCommand, DeleteCommand, ScanCommand } = require('@aws-sdk/lib-dynamodb');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TableName = process.env.NOTES_TABLE;

module.exports.notes = {
  put: (note) => db.send(new PutCommand({ TableName, Item: note })),
  get: async (id) => (await db.send(new GetCommand({ TableName, Key: { id } }))).Item,
  remove: (id) => db.send(new DeleteCommand({ TableName, Key: { id } })),
  list: async () => (await db.send(new ScanCommand({ TableName, Limit: 50 }))).Items,
};

module.exports.respond = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: body === null ? '' : JSON.stringify(body),
});
