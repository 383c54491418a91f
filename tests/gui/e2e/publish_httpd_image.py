#!/usr/bin/env python3
"""Publishes busybox-httpd to the fixture registry for the desktop app's end-to-end story.

Usage: publish_httpd_image.py FIXTURE_OCI REGISTRY WORK_DIR

The fixture busybox image (FIXTURE_OCI/busybox, an OCI layout written by
tests/fixtures/build_images.py) with a command that prints one line and then serves
/www with busybox httpd on port 80, in the foreground, logging each request. It exposes
no port, so the story publishes one itself in Settings. The layer is the fixture's own;
only the config, manifest and index are new. Pushed with skopeo as
REGISTRY/busybox-httpd:latest; the same content each time, so pushing again is harmless.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys

MT_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
READY_LINE = "httpd: serving /www on port 80"
COMMAND = ["sh", "-c", "mkdir -p /www; echo '%s'; exec httpd -f -v -p 80 -h /www" % READY_LINE]


def blob_path(layout, digest):
    algorithm, hexdigest = digest.split(":", 1)
    return os.path.join(layout, "blobs", algorithm, hexdigest)


def read_json_blob(layout, digest):
    with open(blob_path(layout, digest), "rb") as f:
        return json.load(f)


def write_json_blob(layout, value):
    data = json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    with open(blob_path(layout, digest), "wb") as f:
        f.write(data)
    return digest, len(data)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    fixture_oci, registry, work = sys.argv[1:]
    source = os.path.join(fixture_oci, "busybox")
    layout = os.path.join(work, "busybox-httpd")
    shutil.rmtree(layout, ignore_errors=True)
    shutil.copytree(source, layout)

    with open(os.path.join(layout, "index.json")) as f:
        index = json.load(f)
    manifest = read_json_blob(layout, index["manifests"][0]["digest"])
    config = read_json_blob(layout, manifest["config"]["digest"])
    config["config"]["Cmd"] = COMMAND
    config.setdefault("history", []).append({
        "created": config.get("created", "2024-01-01T00:00:00Z"),
        "created_by": "/bin/sh -c #(nop)  CMD " + json.dumps(COMMAND),
        "empty_layer": True,
    })
    config_digest, config_size = write_json_blob(layout, config)
    manifest["config"]["digest"] = config_digest
    manifest["config"]["size"] = config_size
    manifest_digest, manifest_size = write_json_blob(layout, manifest)
    index["manifests"] = [{
        "mediaType": MT_MANIFEST,
        "digest": manifest_digest,
        "size": manifest_size,
        "annotations": {"org.opencontainers.image.ref.name": "latest"},
    }]
    with open(os.path.join(layout, "index.json"), "w") as f:
        json.dump(index, f)

    subprocess.run(["skopeo", "--insecure-policy", "copy", "-q", "--preserve-digests",
                    "--dest-tls-verify=false", "oci:%s:latest" % layout,
                    "docker://%s/busybox-httpd:latest" % registry],
                   check=True, stdout=subprocess.DEVNULL)
    print(READY_LINE)


if __name__ == "__main__":
    main()
