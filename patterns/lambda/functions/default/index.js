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

// functions/default.ts
var default_exports = {};
__export(default_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(default_exports);
async function handler(event) {
  const { connectionId, routeKey, requestId } = event.requestContext;
  const { authorizer } = event.requestContext;
  return {
    statusCode: 200,
    body: JSON.stringify({
      message: "success",
      routeKey,
      connectionId,
      requestId,
      received: parsed(event.body),
      ...authorizer ? { authorizer } : {}
    })
  };
}
function parsed(body) {
  try {
    return JSON.parse(body ?? "");
  } catch {
    return body ?? null;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
