"""$default: says the message's text to everyone in the room, under the sender's name."""
import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["CONNECTIONS_TABLE"])


def lambda_handler(event, context):
    ctx = event["requestContext"]
    management = boto3.client(
        "apigatewaymanagementapi",
        endpoint_url=f"https://{ctx['domainName']}/{ctx['stage']}",
    )
    try:
        text = json.loads(event["body"]).get("text", "")
    except (TypeError, ValueError):
        text = event["body"]
    people = table.scan()["Items"]
    sender = next((p["name"] for p in people if p["connection_id"] == ctx["connectionId"]), "someone")
    line = json.dumps({"from": sender, "text": text}).encode()
    for person in people:
        try:
            management.post_to_connection(ConnectionId=person["connection_id"], Data=line)
        except management.exceptions.GoneException:
            table.delete_item(Key={"connection_id": person["connection_id"]})
    return {"statusCode": 200}
