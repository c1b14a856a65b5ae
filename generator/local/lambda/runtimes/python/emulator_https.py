"""Handlers written for AWS reach the local @connections API over https, as on AWS.

They build the endpoint from the event (`https://${domainName}/${stage}`, where domainName is the
emulator's own host and port) or from the API id (`https://${apiId}.execute-api.${region}.amazonaws.com`).
The emulator speaks plain http, so in a function's process a request to either address goes to the
emulator as http, with the emulator's Host and the host the handler meant in X-Forwarded-Host. Under
--offline, a request to any other AWS address goes to the local endpoint that refuses it. Every other
request is left alone. Covers the standard library (urllib, http.client) and urllib3, which boto3
and requests use. The same rules as emulator-https.cjs for Node handlers.
"""

import http.client
import importlib.util
import re
import sys
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
AWS_HOST = re.compile(r"\.amazonaws\.com(\.cn)?$|\.api\.aws$")


def install(config):
    """`config`: {"emulator": "http://host:port", "apiId": ..., "offline": "http://host:port"}."""
    emulator = urlsplit(config["emulator"])
    offline = urlsplit(config["offline"]) if config.get("offline") else None
    api_id = config.get("apiId")
    api_host = re.compile(r"^%s\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$" % re.escape(api_id)) if api_id else None

    def target_of(host, port):
        """(host, port) a request for `host` and `port` goes to instead, or None."""
        name = str(host or "").strip("[]").lower()
        if int(port or 443) == emulator.port and (name in LOOPBACK or name == emulator.hostname):
            return emulator.hostname, emulator.port
        if api_host and api_host.match(name):
            return emulator.hostname, emulator.port
        if offline and AWS_HOST.search(name):
            return offline.hostname, offline.port
        return None

    patch_http_client(target_of)
    # urllib3 is patched when the handler first imports it (boto3 does): the others never pay for it.
    sys.meta_path.insert(0, PatchOnImport("urllib3", lambda: patch_urllib3(target_of)))


class PatchOnImport:
    """An import hook that runs `patch` right after the module `name` first loads."""

    def __init__(self, name, patch):
        self.name, self.patch = name, patch

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_then_patch(module):
            exec_module(module)
            self.patch()

        spec.loader.exec_module = exec_then_patch
        return spec


def patch_http_client(target_of):
    # Patched in place: http.client's own code names the class through its module global.
    secure = http.client.HTTPSConnection
    init, connect, putheader = secure.__init__, secure.connect, secure.putheader

    def redirecting_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._wskit_meant = None
        target = target_of(self.host, self.port)
        if target:
            self._wskit_meant = self.host
            self.host, self.port = target

    def redirecting_connect(self):
        if getattr(self, "_wskit_meant", None):
            return http.client.HTTPConnection.connect(self)
        return connect(self)

    def redirecting_putheader(self, header, *values):
        meant = getattr(self, "_wskit_meant", None)
        if meant and header.lower() == "host":
            putheader(self, "X-Forwarded-Host", meant)
            values = ("%s:%d" % (self.host, self.port),)
        return putheader(self, header, *values)

    secure.__init__ = redirecting_init
    secure.connect = redirecting_connect
    secure.putheader = redirecting_putheader


def patch_urllib3(target_of):
    import urllib3.connectionpool
    import urllib3.poolmanager

    class RedirectedPool(urllib3.connectionpool.HTTPConnectionPool):
        """A plain http pool to the target that names the host the handler meant."""

        def __init__(self, target, meant):
            super().__init__(*target)
            self.meant = meant

        def urlopen(self, method, url, body=None, headers=None, *args, **kwargs):
            headers = {name: value for name, value in (headers or {}).items() if name.lower() != "host"}
            headers["X-Forwarded-Host"] = self.meant
            return super().urlopen(method, url, body, headers, *args, **kwargs)

    pools = {}
    connection_from_host = urllib3.poolmanager.PoolManager.connection_from_host

    # The same parameter names as urllib3's, which passes them by keyword.
    def redirecting(self, host, port=None, scheme="http", pool_kwargs=None):
        target = target_of(host, port or 443) if scheme == "https" else None
        if target is None:
            return connection_from_host(self, host, port, scheme, pool_kwargs)
        key = (target, host)
        if key not in pools:
            pools[key] = RedirectedPool(target, host)
        return pools[key]

    urllib3.poolmanager.PoolManager.connection_from_host = redirecting
