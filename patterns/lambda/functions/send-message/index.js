"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// functions/send-message.ts
var send_message_exports = {};
__export(send_message_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(send_message_exports);

// functions/shared/connections-table.ts
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");
var dynamodb = new import_client_dynamodb.DynamoDBClient({});
var CONNECTION_LIFETIME_SECONDS = 2 * 60 * 60;
function tableName() {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set");
  return name;
}
async function removeConnection(connectionId) {
  await dynamodb.send(
    new import_client_dynamodb.DeleteItemCommand({ TableName: tableName(), Key: { connectionId: { S: connectionId } } })
  );
}
async function* connectionIds() {
  const pages = (0, import_client_dynamodb.paginateScan)(
    { client: dynamodb },
    { TableName: tableName(), ProjectionExpression: "connectionId" }
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const id = item.connectionId?.S;
      if (id) yield id;
    }
  }
}

// functions/shared/management-api.ts
var import_client_apigatewaymanagementapi = require("@aws-sdk/client-apigatewaymanagementapi");
var clients = /* @__PURE__ */ new Map();
function managementEndpoint(event) {
  const { domainName, stage } = event.requestContext;
  return process.env.MANAGEMENT_API_ENDPOINT ?? `https://${domainName}/${stage}`;
}
function clientFor(endpoint) {
  let client = clients.get(endpoint);
  if (!client) {
    client = new import_client_apigatewaymanagementapi.ApiGatewayManagementApiClient({ endpoint });
    clients.set(endpoint, client);
  }
  return client;
}
async function sendTo(endpoint, connectionId, data) {
  try {
    await clientFor(endpoint).send(new import_client_apigatewaymanagementapi.PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
    return true;
  } catch (error) {
    if (error instanceof import_client_apigatewaymanagementapi.GoneException || error.$metadata?.httpStatusCode === 410) {
      return false;
    }
    throw error;
  }
}

// functions/send-message.ts
async function handler(event) {
  const data = messageData(event.body);
  if (data === void 0) return { statusCode: 400, body: 'Send {"action": "sendmessage", "data": ...}' };
  const endpoint = managementEndpoint(event);
  const deliveries = [];
  for await (const connectionId of connectionIds()) {
    deliveries.push(
      sendTo(endpoint, connectionId, data).then(async (delivered) => {
        if (!delivered) await removeConnection(connectionId);
      })
    );
  }
  const failed = (await Promise.allSettled(deliveries)).filter((result) => result.status === "rejected");
  for (const failure of failed)
    console.error("postToConnection failed", failure.reason);
  return { statusCode: 200 };
}
function messageData(body) {
  try {
    const data = JSON.parse(body ?? "").data;
    if (data === void 0 || data === null) return void 0;
    return typeof data === "string" ? data : JSON.stringify(data);
  } catch {
    return void 0;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
