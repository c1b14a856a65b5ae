"""$disconnect: forgets the connection."""
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["CONNECTIONS_TABLE"])


def lambda_handler(event, context):
    table.delete_item(Key={"connection_id": event["requestContext"]["connectionId"]})
    return {"statusCode": 200}
