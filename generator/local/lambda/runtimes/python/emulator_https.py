"""Handlers written for AWS reach the local @connections API over https, as on AWS.

They build the endpoint from the event (`https://${domainName}/${stage}`, where domainName is the
emulator's own host and port) or from the API id (`https://${apiId}.execute-api.${region}.amazonaws.com`).
The emulator speaks plain http, so in a function's process a request to either address goes to the
emulator as http, with the emulator's Host. Every other request is left alone. Covers the standard
library (urllib, http.client) and urllib3, which boto3 and requests use.
"""

import http.client
import importlib.util
import sys
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def install(origin, api_host=None):
    emulator = urlsplit(origin)
    host, port = emulator.hostname, emulator.port
    netloc = emulator.netloc

    def is_emulator(target_host, target_port):
        name = str(target_host or "").strip("[]").lower()
        if api_host and name == api_host and target_port in (None, 443):
            return True
        return target_port == port and (name in LOOPBACK or name == host)

    patch_http_client(is_emulator, host, port, netloc)
    # urllib3 is patched when the handler first imports it (boto3 does): the others never pay for it.
    sys.meta_path.insert(0, PatchOnImport("urllib3", lambda: patch_urllib3(is_emulator, host, port)))


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


def patch_http_client(is_emulator, host, port, netloc):
    # Patched in place: http.client's own code names the class through its module global.
    secure = http.client.HTTPSConnection
    init, connect, putheader = secure.__init__, secure.connect, secure.putheader

    def emulator_aware_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._wskit_local = is_emulator(self.host, self.port)
        if self._wskit_local:
            self.host, self.port = host, port

    def emulator_aware_connect(self):
        if getattr(self, "_wskit_local", False):
            return http.client.HTTPConnection.connect(self)
        return connect(self)

    def emulator_aware_putheader(self, header, *values):
        if getattr(self, "_wskit_local", False) and header.lower() == "host":
            values = (netloc,)
        return putheader(self, header, *values)

    secure.__init__ = emulator_aware_init
    secure.connect = emulator_aware_connect
    secure.putheader = emulator_aware_putheader


def patch_urllib3(is_emulator, emulator_host, emulator_port):
    import urllib3.poolmanager

    connection_from_host = urllib3.poolmanager.PoolManager.connection_from_host

    # The same parameter names as urllib3's, which passes them by keyword.
    def emulator_aware(self, host, port=None, scheme="http", pool_kwargs=None):
        if scheme == "https" and is_emulator(host, port):
            return connection_from_host(self, emulator_host, emulator_port, "http", pool_kwargs)
        return connection_from_host(self, host, port, scheme, pool_kwargs)

    urllib3.poolmanager.PoolManager.connection_from_host = emulator_aware
