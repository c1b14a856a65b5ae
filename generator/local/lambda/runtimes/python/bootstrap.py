"""One Lambda execution environment for a Python handler, in its own python3 process.

Loads the handler's module once (the init phase), then runs one invocation at a time, keeping module
state between them as a warm Lambda does. Invocations arrive on file descriptor 3 and replies leave
on 4, one JSON array per line (see ../types.ts), so the handler's own print() and logging output on
stdout and stderr stays its log, and neither it nor a process it starts can read an invocation. The event, the context object, the error shapes and the
JSON encoding follow the AWS Lambda Python runtime.
"""

import decimal
import importlib
import json
import logging
import os
import sys
import time
import traceback

CONFIG = json.loads(sys.argv[1])


class LambdaContext:
    """The `context` argument, with the attributes and method the Lambda Python runtime gives."""

    def __init__(self, request_id, deadline_ms):
        self.aws_request_id = request_id
        self.function_name = CONFIG["functionName"]
        self.function_version = "$LATEST"
        self.invoked_function_arn = CONFIG["invokedFunctionArn"]
        self.memory_limit_in_mb = str(CONFIG["memoryLimitInMB"])
        self.log_group_name = "/aws/lambda/" + CONFIG["functionName"]
        self.log_stream_name = "local/[$LATEST]%d" % os.getpid()
        self.identity = None
        self.client_context = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


class RequestIdFilter(logging.Filter):
    """Stamps each log record with the running invocation's request id, as Lambda's log format has."""

    request_id = ""

    def filter(self, record):
        record.aws_request_id = RequestIdFilter.request_id
        return True


def set_up_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S")
    )
    handler.addFilter(RequestIdFilter())
    logging.Formatter.converter = time.gmtime
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def error_info(error_type, message, error=None):
    info = {"errorType": error_type, "errorMessage": message}
    if error is not None:
        info["stack"] = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return info


def import_hint(error):
    """For a module that is not installed: what installs it, as the Node side names the npm command."""
    name = (getattr(error, "name", None) or "").split(".")[0]
    if not isinstance(error, ModuleNotFoundError) or not name:
        return ""
    if name in ("boto3", "botocore"):
        return ". The Lambda runtime provides boto3 on AWS; to run this function locally: python3 -m pip install boto3"
    requirements = os.path.join(CONFIG["codeDir"], "requirements.txt")
    if os.path.exists(requirements):
        return ". To run this function locally: python3 -m pip install -r %s" % requirements
    return ""


def load_handler():
    """The handler function, or the error Lambda reports for every invocation when init fails."""
    module_name, _, function_name = CONFIG["handler"].rpartition(".")
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as error:
        return None, error_info("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error), error)
    except ImportError as error:
        message = "Unable to import module '%s': %s%s" % (module_name, error, import_hint(error))
        return None, error_info("Runtime.ImportModuleError", message, error)
    except Exception as error:  # an exception in the module's own init code
        return None, error_info(type(error).__name__, str(error), error)
    function = getattr(module, function_name, None)
    if not callable(function):
        return None, error_info("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return function, None


def encode_decimal(value):
    """boto3 reads DynamoDB numbers as Decimal; the Lambda runtime returns them as JSON numbers."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def failed(error):
    return json.dumps({"ok": False, "error": error})


def invoke(handler, init_error, invocation):
    """The reply to one invocation, as JSON text."""
    request_id = invocation["id"]
    if init_error is not None:
        return failed(init_error)
    RequestIdFilter.request_id = request_id
    context = LambdaContext(request_id, time.time() * 1000 + CONFIG["timeoutMs"])
    try:
        result = handler(invocation["event"], context)
    except Exception as error:
        return failed(error_info(type(error).__name__, str(error) + import_hint(error), error))
    try:
        return '{"ok":true,"result":%s}' % json.dumps(result, default=encode_decimal, allow_nan=False)
    except (TypeError, ValueError) as error:
        return failed(error_info("Runtime.MarshalError", "Unable to marshal response: %s" % error))


def main():
    for fd in (3, 4):
        os.set_inheritable(fd, False)
    invocations = os.fdopen(3, "r", encoding="utf-8")
    replies = os.fdopen(4, "w", encoding="utf-8")
    # Where the local API's https addresses go (see ../types.ts); the handler does not see it.
    redirect = os.environ.pop("WSKIT_LOCAL_REDIRECT", None)
    if redirect:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import emulator_https

        emulator_https.install(json.loads(redirect))
        sys.path.pop(0)
    sys.path.insert(0, CONFIG["codeDir"])  # Lambda puts the function's code first: /var/task
    sys.path[1:1] = CONFIG.get("layerPaths", [])  # then its layers' folders under /opt
    set_up_logging()
    handler, init_error = load_handler()
    for line in iter(invocations.readline, ""):
        for invocation in json.loads(line):
            reply = invoke(handler, init_error, invocation)
            sys.stdout.flush()
            sys.stderr.flush()
            replies.write("[%s]\n" % reply)
            replies.flush()


main()
