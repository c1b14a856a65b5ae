"""$connect: records the connection and the name given in the query string."""
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["CONNECTIONS_TABLE"])


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    table.put_item(
        Item={
            "connection_id": event["requestContext"]["connectionId"],
            "name": params.get("name", "anonymous"),
        }
    )
    return {"statusCode": 200}
