"""Handlers written for AWS reach the local @connections API over https, as on AWS.

They build the endpoint from the event (`https://${domainName}/${stage}`, where domainName is the
emulator's own host and port) or from the API id (`https://${apiId}.execute-api.${region}.amazonaws.com`).
The emulator speaks plain http, so in a function's process a request to either address goes to the
emulator as http, with the emulator's Host. Every other request is left alone. Covers the standard
library (urllib, http.client) and urllib3, which boto3 and requests use.
"""

import http.client
import importlib.util
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
    if importlib.util.find_spec("urllib3") is not None:
        patch_urllib3(is_emulator, host, port)


def patch_http_client(is_emulator, host, port, netloc):
    secure = http.client.HTTPSConnection

    class EmulatorAwareHTTPSConnection(secure):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._wskit_local = is_emulator(self.host, self.port)
            if self._wskit_local:
                self.host, self.port = host, port

        def connect(self):
            if self._wskit_local:
                return http.client.HTTPConnection.connect(self)
            return super().connect()

        def putheader(self, header, *values):
            if self._wskit_local and header.lower() == "host":
                values = (netloc,)
            return super().putheader(header, *values)

    http.client.HTTPSConnection = EmulatorAwareHTTPSConnection


def patch_urllib3(is_emulator, host, port):
    import urllib3.connectionpool
    import urllib3.poolmanager

    connection_from_host = urllib3.poolmanager.PoolManager.connection_from_host

    def emulator_aware(self, target_host, target_port=None, scheme="http", pool_kwargs=None):
        if scheme == "https" and is_emulator(target_host, target_port):
            return connection_from_host(self, host, port, "http", pool_kwargs)
        return connection_from_host(self, target_host, target_port, scheme, pool_kwargs)

    urllib3.poolmanager.PoolManager.connection_from_host = emulator_aware
