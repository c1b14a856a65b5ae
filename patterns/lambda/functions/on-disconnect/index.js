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

// functions/disconnect.ts
var disconnect_exports = {};
__export(disconnect_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(disconnect_exports);

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

// functions/disconnect.ts
async function handler(event) {
  await removeConnection(event.requestContext.connectionId);
  return { statusCode: 200 };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
