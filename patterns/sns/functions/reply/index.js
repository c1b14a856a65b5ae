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

// functions/topic-reply.ts
var topic_reply_exports = {};
__export(topic_reply_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(topic_reply_exports);

// functions/shared/management-api.ts
var import_client_apigatewaymanagementapi = require("@aws-sdk/client-apigatewaymanagementapi");
var clients = /* @__PURE__ */ new Map();
function connectionsEndpoint() {
  const endpoint = process.env.MANAGEMENT_API_ENDPOINT ?? process.env.CONNECTIONS_ENDPOINT;
  if (!endpoint) throw new Error("CONNECTIONS_ENDPOINT is not set");
  return endpoint;
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

// functions/topic-reply.ts
async function handler(event) {
  const endpoint = connectionsEndpoint();
  await Promise.all(
    event.Records.map(async ({ Sns }) => {
      const connectionId = Sns.MessageAttributes.connectionId?.Value;
      if (!connectionId) throw new Error(`message ${Sns.MessageId} has no connectionId attribute`);
      const delivered = await sendTo(
        endpoint,
        connectionId,
        JSON.stringify({ published: Sns.Message, messageId: Sns.MessageId })
      );
      if (!delivered) console.log(`connection ${connectionId} is gone; message ${Sns.MessageId} dropped`);
    })
  );
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
