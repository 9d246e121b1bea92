#!/usr/bin/env bash
# Keeps POSIX-only calls out of the product's code (issue: installers; docs/install.md), so that the Windows
# build has a known, shrinking list of files to port and no new ones:
#
#   check-portability.sh SOURCE_DIR
#
# A POSIX header or call in app/, ui/ or wizard_pages/ is allowed only
#   - inside a file named *_posix.cpp (compiled only where Q_OS_UNIX; its *_win.cpp counterpart beside it), or
#   - inside a `#ifdef Q_OS_UNIX` / `#if defined(Q_OS_UNIX)` block of any file (its `#else` is Windows), or
#   - on a line that says why it is portable: `// portable: <reason>` (a POSIX-named header Windows' C runtimes
#     have too), or
#   - in a file on the list below: files still waiting for their Windows counterpart. The list may only
#     shrink, and is empty now; every entry names what it uses.
# check-windows-syntax.sh then compiles the Windows branches.
set -uo pipefail
cd "$1" || exit 2

declare -A awaiting_port=(
)

posix='#include <(unistd|termios|fcntl|poll|pwd|grp|dlfcn|netdb|signal)\.h>|#include <(sys|arpa|netinet)/'
posix+='|\b(fork|execv|execvp|getuid|geteuid|getpwuid|isatty|tcgetattr|tcsetattr|sigaction|socketpair|mkstemp|umask|fsync|'
posix+='chmod|chown|symlink|readlink)[[:space:]]*\('

violations=0
while IFS= read -r file; do
    [[ $file == *_posix.cpp || -n ${awaiting_port[$file]:-} ]] && continue
    # Lines outside Q_OS_UNIX blocks (a simple #if/#endif depth count; comments are not code).
    hits=$(awk -v re="$posix" '
        /^[[:space:]]*#[[:space:]]*if/ {
            depth++; unixif[depth] = ($0 ~ /Q_OS_UNIX/ && $0 !~ /!/ && $0 !~ /ifndef/)
            unix[depth] = unixif[depth] ? 1 : unix[depth-1]
        }
        /^[[:space:]]*#[[:space:]]*(else|elif)/ { if (unixif[depth]) unix[depth] = unix[depth-1]; unixif[depth] = 0; next }
        /^[[:space:]]*#[[:space:]]*endif/ { unix[depth] = 0; unixif[depth] = 0; depth--; next }
        /^[[:space:]]*\/\// { next }
        /\/\/ portable: / { next }
        $0 ~ re && !unix[depth] { printf "%s:%d: %s\n", FILENAME, NR, $0 }
    ' "$file")
    if [[ -n $hits ]]; then
        echo "$hits"
        violations=$((violations + 1))
    fi
done < <(git ls-files 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'wizard_pages/*.cpp' 'wizard_pages/*.h' 2>/dev/null ||
    find app ui wizard_pages -name '*.cpp' -o -name '*.h')

for file in "${!awaiting_port[@]}"; do
    [[ -f $file ]] || {
        echo "check-portability: $file is on the list of files awaiting a Windows port but does not exist: remove it"
        violations=$((violations + 1))
    }
done

if ((violations > 0)); then
    echo "check-portability: POSIX-only calls outside guarded code in $violations file(s). Use Qt (QFile, QSaveFile,"
    echo "QStandardPaths, QProcess, QLocalSocket...), or put the call into a *_posix.cpp file with a *_win.cpp twin,"
    echo "or inside #ifdef Q_OS_UNIX with an #else for Windows."
    exit 1
fi
echo "check-portability: no POSIX-only calls outside guarded code (${#awaiting_port[@]} files await a Windows port)"
