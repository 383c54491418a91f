#!/bin/sh
# Runs Debian's docker-registry on 127.0.0.1:PORT with everything under DIR, for tests.
#   start-registry.sh DIR PORT                  plain HTTP, no auth
#   start-registry.sh DIR PORT tls USER PASS    HTTPS with a CA made here (DIR/ca.crt)
#                                               and htpasswd (bcrypt) Basic auth
# The script ends by exec'ing the registry, so the PID that started it is the registry's.
set -eu
dir=$1
port=$2
mode=${3:-plain}
mkdir -p "$dir/storage"

tls=""
auth=""
if [ "$mode" = tls ]; then
  user=$4
  pass=$5
  # EC keys: generated in milliseconds, which RSA ones are not.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=Berth test CA" -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    > "$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 2 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
  htpasswd -Bbn "$user" "$pass" > "$dir/htpasswd"
  tls="  tls:
    certificate: $dir/server.crt
    key: $dir/server.key"
  auth="auth:
  htpasswd:
    realm: berth-test
    path: $dir/htpasswd"
fi

cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: berth-unit-test
$tls
$auth
YAML

exec docker-registry serve "$dir/config.yml" > "$dir/registry.log" 2>&1
