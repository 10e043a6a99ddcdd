# Shared by ./lightgcn and the benchmark scripts (source it): find_java prints a java executable of JDK
# $required or newer (JAVA_HOME first, then PATH, then the usual install places), or fails.

required=25

# The major version of a java executable (8 for "1.8.0_x", 25 for "25.0.3"), or nothing.
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n "$v" ]] || return 0
  v="${v#1.}"
  echo "${v%%[.+-]*}"
}

find_java() {
  local candidates=() c major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  c="$(command -v java 2>/dev/null || true)"
  [[ -n "$c" ]] && candidates+=("$c")
  # the usual install places, newest version first
  while IFS= read -r c; do candidates+=("$c"); done < <(
    ls -d /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /opt/jdk*/bin/java \
          /opt/*/jdk*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java \
          /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java 2>/dev/null | sort -rV)
  for c in "${candidates[@]}"; do
    [[ -x "$c" ]] || continue
    major="$(java_major "$c")"
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= required )); then
      echo "$c"
      return 0
    fi
  done
  return 1
}
