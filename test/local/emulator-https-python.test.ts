/**
 * In a Python function's process, https requests to the local API's addresses (the emulator's own
 * host and port, the API id's execute-api host in any region) go to the emulator as http, naming
 * the host meant in X-Forwarded-Host; under --offline every other AWS address goes to the refusing
 * endpoint; anything else is left alone. Through urllib (http.client) and, when installed, boto3
 * (urllib3). Run in a real python3, against two small http servers of its own.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { packagePath } from '../../generator/paths';

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;

const SCRIPT = `
import http.server, json, sys, threading, urllib.request
sys.path.insert(0, sys.argv[1])
import emulator_https

def recorder():
    seen = []
    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append([self.command, self.path, self.headers.get("Host"), self.headers.get("X-Forwarded-Host")])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")
        do_GET = do_POST = answer
        def log_message(self, *args):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1], seen

emulator_port, emulator_seen = recorder()
offline_port, offline_seen = recorder()
emulator_https.install({"emulator": "http://127.0.0.1:%d" % emulator_port, "apiId": "abc123", "offline": "http://127.0.0.1:%d" % offline_port})

def fetch(url, method="POST"):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=b"x" if method == "POST" else None, method=method)) as response:
            return response.status
    except Exception as error:
        return type(error).__name__

results = {
    "domain": fetch("https://127.0.0.1:%d/prod/@connections/a" % emulator_port),
    "apiId": fetch("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/@connections/b"),
    "other": fetch("https://sqs.us-east-1.amazonaws.com/?Action=ListQueues", "GET"),
    "otherPort": fetch("https://127.0.0.1:%d/" % (emulator_port + 1 if emulator_port < 65535 else 1)),
}
if sys.argv[2] == "boto3":
    import boto3
    options = dict(region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    api = boto3.client("apigatewaymanagementapi", endpoint_url="https://abc123.execute-api.us-east-1.amazonaws.com/prod", **options)
    results["boto3"] = api.post_to_connection(ConnectionId="c", Data=b"hi")["ResponseMetadata"]["HTTPStatusCode"]
    try:
        boto3.client("sns", **options).list_topics()
    except Exception:
        pass  # the recorder's {} is not SNS's XML answer
results["emulator"] = emulator_seen
results["offline"] = offline_seen
print(json.dumps(results))
`;

describe('emulator https redirect in Python handlers', () => {
  it(`sends the local API's https addresses to the emulator and, offline, other AWS addresses to the refusing endpoint${hasBoto3 ? '' : ' (boto3 part skipped: python3 has no boto3; pip install boto3 to run it)'}`, async () => {
    const { stdout } = await promisify(execFile)('python3', [
      '-c',
      SCRIPT,
      packagePath('generator', 'local', 'lambda', 'runtimes', 'python'),
      hasBoto3 ? 'boto3' : 'no-boto3',
    ]);
    const results = JSON.parse(stdout);
    const port = (seen: string[][]) => seen[0]?.[2]?.split(':')[1];
    expect(results).toMatchObject({
      domain: 200,
      apiId: 200,
      other: 200,
      otherPort: expect.stringMatching(/Error$/),
    });
    const emulatorHost = `127.0.0.1:${port(results.emulator)}`;
    const offlineHost = `127.0.0.1:${port(results.offline)}`;
    expect(results.emulator.slice(0, 2)).toEqual([
      ['POST', '/prod/@connections/a', emulatorHost, '127.0.0.1'],
      ['POST', '/prod/@connections/b', emulatorHost, 'abc123.execute-api.eu-west-1.amazonaws.com'],
    ]);
    expect(results.offline[0]).toEqual([
      'GET',
      '/?Action=ListQueues',
      offlineHost,
      'sqs.us-east-1.amazonaws.com',
    ]);
    if (hasBoto3) {
      expect(results.boto3).toBe(200);
      expect(results.emulator[2]).toEqual([
        'POST',
        '/prod/@connections/c',
        emulatorHost,
        'abc123.execute-api.us-east-1.amazonaws.com',
      ]);
      expect(results.offline[1]).toEqual(['POST', '/', offlineHost, 'sns.us-east-1.amazonaws.com']);
    }
  });
});
