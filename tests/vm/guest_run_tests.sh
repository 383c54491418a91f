#!/usr/bin/env bash
# Inside the test VM: starts the fixture registries on the VM's own loopback (same
# configs, ports and storage as on the host, so env.sh and the test scripts work
# unchanged), then runs each test script and sums up.
# Usage: guest_run_tests.sh TEST_SCRIPT...
# Exit: 0 all passed (some may have skipped), 77 all skipped, 1 any failed.
set -uo pipefail

# shellcheck source=/dev/null
source "$BERTH_FIXTURE_ENV"
echo "guest: kernel $(uname -r), cgroup2 controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
if grep -q ' - cgroup ' /proc/self/mountinfo; then
  echo "guest: a cgroup v1 hierarchy is mounted; the VM must have cgroup v2 only"
  exit 1
fi

# A clean environment: docker-registry reads REGISTRY_* variables (env.sh's among them) as
# overrides of its configuration.
reg_pids=()
for name in plain tls; do
  env -i PATH="$PATH" setsid docker-registry serve "$FIXTURE_DIR/$name/config.yml" \
    > "/tmp/registry-$name.log" 2>&1 < /dev/null &
  reg_pids+=($!)
done
wait_registry() {  # URL [curl args]
  local url="$1" code pid; shift
  local deadline=$((SECONDS + 120))
  while [ $SECONDS -lt $deadline ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url/v2/" || true)"
    case "$code" in 200|401) return 0 ;; esac
    for pid in "${reg_pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "guest: a registry exited:"; cat /tmp/registry-*.log; exit 1; }
    done
    sleep 0.5
  done
  echo "guest: registry $url does not answer:"
  cat /tmp/registry-*.log
  exit 1
}
wait_registry "http://$REGISTRY"
wait_registry "https://$REGISTRY_TLS" --cacert "$REGISTRY_CA"
echo "guest: registries up on $REGISTRY and $REGISTRY_TLS"

failed=() passed=() skipped=()
for t in "$@"; do
  name="$(basename "$t" .sh)"
  echo "===== $name ====="
  t0="$(date +%s)"
  rc=0
  # A script that hangs fails on its own (timeout signals its whole process group, so
  # the script's cleanup trap runs and prints berthd's log) and the others still run.
  timeout -k 10 "${BERTH_VM_TEST_TIMEOUT:-240}" bash "$t" || rc=$?
  [ "$rc" != 124 ] || echo "guest: $name did not finish within ${BERTH_VM_TEST_TIMEOUT:-240} s"
  echo "===== $name: exit $rc after $(($(date +%s) - t0)) s ====="
  case "$rc" in
    0) passed+=("$name") ;;
    77) skipped+=("$name") ;;
    *) failed+=("$name") ;;
  esac
done
echo "guest: passed: ${passed[*]:-none}; skipped: ${skipped[*]:-none}; failed: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ] || { dmesg --level=emerg,alert,crit,err,warn | tail -n 40; exit 1; }
[ ${#passed[@]} -gt 0 ] || exit 77
exit 0
