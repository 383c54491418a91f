#!/usr/bin/env python3
"""A scripted distribution-API registry on 127.0.0.1, for what docker-registry can't be
made to do: Bearer tokens from a realm, blob redirects to another origin, transient
failures, lying digests, tag pagination.

Usage: fake_registry.py PORT   (GET /stats returns the counters the tests check)

Repositories:
  app            an OCI image; its layer blob redirects to http://localhost:PORT/storage/...
  private/app    the token realm wants Basic credentials alice:s3cret for this scope
                 (or, by POST, the refresh token "refresh-me")
  flaky/app      each path answers 503, then 429 (Retry-After: 1), then works
  down/app       always 503
  lying/app      manifests carry a wrong Docker-Content-Digest
  pinned/app     any digest returns the same manifest (so a pinned digest can't match)
  slow/app       the layer is sent slowly, in small pieces (for cancellation)
"""
import base64
import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(sys.argv[1])
USER, PASSWORD = "alice", "s3cret"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


LAYER = bytes(range(256)) * 8192  # 2 MiB
LAYER_DIGEST = digest(LAYER)
CONFIG = b'{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'
CONFIG_DIGEST = digest(CONFIG)
MANIFEST = json.dumps({
    "schemaVersion": 2,
    "mediaType": OCI_MANIFEST,
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": CONFIG_DIGEST,
               "size": len(CONFIG)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": LAYER_DIGEST,
                "size": len(LAYER)}],
}).encode()
MANIFEST_DIGEST = digest(MANIFEST)
TAGS = ["a", "b", "c", "d", "e"]

lock = threading.Lock()
stats = {"token_requests": 0, "leaked_auth": 0, "storage_requests": 0, "manifest_requests": 0}
flaky_seen = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=None, content_type="application/json"):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def fail(self, status, code, message, headers=None):
        body = json.dumps({"errors": [{"code": code, "message": message}]}).encode()
        self.reply(status, body, headers)

    def challenge(self, name):
        scope = f',scope="repository:{name}:pull"' if name else ""
        value = f'Bearer realm="http://127.0.0.1:{PORT}/token",service="fake registry"{scope}'
        return {"WWW-Authenticate": value}

    def token(self, query):
        with lock:
            stats["token_requests"] += 1
            n = stats["token_requests"]
        scope = query.get("scope", [""])[0]
        if "private/" in scope:
            want = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.headers.get("Authorization") != want:
                return self.fail(401, "UNAUTHORIZED", "incorrect username or password")
        self.reply(200, json.dumps({"access_token": f"tok-{n}", "expires_in": 300}).encode())

    def storage(self, path):
        with lock:
            stats["storage_requests"] += 1
            if "Authorization" in self.headers:
                stats["leaked_auth"] += 1
        self.reply(200, LAYER, content_type="application/octet-stream")

    def slow_layer(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(LAYER)))
        self.end_headers()
        try:
            for i in range(0, len(LAYER), 16384):
                self.wfile.write(LAYER[i:i + 16384])
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self):
        # The OAuth2 refresh-token grant clients use when they hold an identity token.
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        if urlparse(self.path).path != "/token":
            return self.fail(404, "NOT_FOUND", "not found")
        with lock:
            stats["token_requests"] += 1
            n = stats["token_requests"]
        if form.get("grant_type") != ["refresh_token"] or form.get("refresh_token") != ["refresh-me"]:
            return self.fail(401, "UNAUTHORIZED", "invalid refresh token")
        self.reply(200, json.dumps({"access_token": f"tok-{n}", "expires_in": 300}).encode())

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        path = url.path
        if path == "/token":
            return self.token(query)
        if path == "/stats":
            with lock:
                return self.reply(200, json.dumps(stats).encode())
        if path.startswith("/storage/"):
            return self.storage(path)
        authorized = self.headers.get("Authorization", "").startswith("Bearer tok-")
        if path == "/v2/":
            return self.reply(200, b"{}") if authorized else self.fail(
                401, "UNAUTHORIZED", "authentication required", self.challenge(""))
        parts = path[len("/v2/"):].split("/")
        if len(parts) < 3:
            return self.fail(404, "NOT_FOUND", "not found")
        if parts[-2:] == ["tags", "list"]:
            name, kind, ref = "/".join(parts[:-2]), "tags", ""
        else:
            name, kind, ref = "/".join(parts[:-2]), parts[-2], parts[-1]
        if not authorized:
            return self.fail(401, "UNAUTHORIZED", "authentication required", self.challenge(name))

        if name == "down/app":
            return self.fail(503, "UNAVAILABLE", "try later")
        if name == "flaky/app":
            with lock:
                seen = flaky_seen.get(path, 0)
                flaky_seen[path] = seen + 1
            if seen == 0:
                return self.fail(503, "UNAVAILABLE", "try later")
            if seen == 1:
                return self.fail(429, "TOOMANYREQUESTS", "slow down", {"Retry-After": "1"})

        if kind == "manifests":
            with lock:
                stats["manifest_requests"] += 1
            headers = {"Docker-Content-Digest": MANIFEST_DIGEST}
            if name == "lying/app":
                headers["Docker-Content-Digest"] = "sha256:" + "0" * 64
            if ref in ("latest", MANIFEST_DIGEST) or (name == "pinned/app" and ref.startswith("sha256:")):
                return self.reply(200, MANIFEST, headers, OCI_MANIFEST)
            return self.fail(404, "MANIFEST_UNKNOWN", "manifest unknown")
        if kind == "blobs":
            if ref == CONFIG_DIGEST:
                return self.reply(200, CONFIG, content_type="application/octet-stream")
            if ref == LAYER_DIGEST and name == "slow/app":
                return self.slow_layer()
            if ref == LAYER_DIGEST:
                # Another origin (localhost, not 127.0.0.1), like a registry handing out
                # pre-signed storage URLs.
                return self.reply(307, b"", {"Location": f"http://localhost:{PORT}/storage/{ref}"})
            return self.fail(404, "BLOB_UNKNOWN", "blob unknown to registry")
        if kind == "tags":
            n = int(query.get("n", ["2"])[0])
            last = query.get("last", [""])[0]
            start = TAGS.index(last) + 1 if last in TAGS else 0
            page = TAGS[start:start + n]
            headers = {}
            if start + n < len(TAGS):
                headers["Link"] = f'</v2/{name}/tags/list?last={page[-1]}&n={n}>; rel="next"'
            return self.reply(200, json.dumps({"name": name, "tags": page}).encode(), headers)
        return self.fail(404, "NOT_FOUND", "not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", PORT), Handler).serve_forever()
