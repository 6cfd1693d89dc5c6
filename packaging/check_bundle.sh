#!/usr/bin/env bash
# Checks a Linux one-folder bundle: every library and plugin in it finds the libraries
# it links to (in the bundle or on the system), so nothing the spec left out is needed;
# and, given a limit in MB, that the folder is no bigger.
#   packaging/check_bundle.sh dist/opsg-desktop [MAX_MB]
set -euo pipefail
bundle=$(realpath "$1")
internal="$bundle/_internal"
missing=0
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | tail -c 3)" = ELF ] || continue
  lost=$(LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" ldd "$file" 2>/dev/null | grep 'not found' || true)
  if [ -n "$lost" ]; then
    echo "${file#"$bundle"/}:"; echo "$lost"; missing=1
  fi
done < <(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
[ "$missing" -eq 0 ] || { echo "bundle check failed: libraries not found"; exit 1; }
size=$(du -sm --apparent-size "$bundle" | cut -f1)
if [ -n "${2:-}" ] && [ "$size" -gt "$2" ]; then
  echo "bundle check failed: $size MB, more than $2 MB"; exit 1
fi
echo "bundle check passed: $size MB in $bundle"
