#!/usr/bin/env bash
# Runs every test layer (native, in-browser wasm, end-to-end), even when one fails, then
# prints one summary. Called by `make test` after the tools are installed.
set -u
cd "$(dirname "$0")/.."
declare -a names results times
run_layer() {
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "==================== $name ===================="
  if "$@"; then results+=("passed"); else results+=("FAILED"); fi
  names+=("$name"); times+=("$((SECONDS - start))s")
}
run_layer "native (cargo test)" make --no-print-directory test-native
run_layer "browser (wasm-bindgen-test)" make --no-print-directory test-wasm
run_layer "end-to-end (Playwright)" make --no-print-directory test-e2e
run_layer "size budget (wasm gzip)" node .ci/check-size.mjs dist
echo
echo "==================== summary ===================="
status=0
for i in "${!names[@]}"; do
  printf '  %-32s %-7s %s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
  [ "${results[$i]}" = passed ] || status=1
done
[ $status = 0 ] && echo "All test layers passed." || echo "Some test layers failed (see above)."
exit $status
