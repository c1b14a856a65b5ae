"""$connect: accepts at once and leaves the greeting to GreetNewConnection, invoked asynchronously."""
import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    request = event["requestContext"]
    callback = f"https://{request['domainName']}/{request['stage']}"
    lambda_client.invoke(
        FunctionName="GreetNewConnection",
        InvocationType="Event",
        Payload=json.dumps({"callback": callback, "connectionId": request["connectionId"]}),
    )
    # A $connect answer never reaches the client: only the status code counts.
    return {"statusCode": 200, "body": "accepted"}
