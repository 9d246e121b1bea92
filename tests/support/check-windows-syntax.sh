#!/usr/bin/env bash
# Compiles the product's platform code for Windows, as far as this Linux machine can: MinGW-w64's g++ checks
# every file with a platform branch (Q_OS_*, _WIN32, *_win.cpp) in -fsyntax-only mode, against Windows' headers, this machine's Qt, libssh and QtKeychain headers (platform-neutral apart from qconfig), and the
# build tree's generated headers. It proves that the Windows branches (#else of Q_OS_UNIX, *_win.cpp) name real
# Win32/Winsock calls with the right types; it does not link, run, or use MSVC (docs/install.md).
#
#   check-windows-syntax.sh SOURCE_DIR BUILD_DIR
set -uo pipefail

source_dir=$(cd "$1" && pwd) || exit 2
build_dir=$(cd "$2" && pwd) || exit 2
compiler=x86_64-w64-mingw32-g++-posix
command -v "$compiler" >/dev/null || {
    echo "check-windows-syntax: $compiler is missing: apt-get install g++-mingw-w64-x86-64-posix"
    exit 77
}
qt=$(qmake6 -query QT_INSTALL_HEADERS 2>/dev/null || echo /usr/include/x86_64-linux-gnu/qt6)

# MinGW's sysroot replaces /usr/include; only the libraries' own folders are let in.
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
ln -s /usr/include/libssh "$shim/libssh"
ln -s /usr/include/qt6keychain "$shim/qt6keychain"

includes=(-I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -I"$qt/QtGui" -I"$qt/QtWidgets" -I"$qt/QtSvg" -I"$shim"
    -I"$source_dir" -I"$source_dir/app" -I"$build_dir" -I"$build_dir/app" -I"$build_dir/ui")
while IFS= read -r dir; do includes+=(-I"$dir"); done < <(find "$build_dir" -type d -path '*_autogen/include')

cd "$source_dir" || exit 2
# Only these: the rest is platform-neutral Qt code (check-portability.sh keeps it so), and checking all of it
# would take minutes of the test command for little.
mapfile -t files < <(
    git ls-files 'app/*.cpp' 'ui/*.cpp' 'wizard_pages/*.cpp' | xargs grep -l 'Q_OS_\|_WIN32'
    git ls-files 'app/*_win.cpp' 'ui/*_win.cpp' 'wizard_pages/*_win.cpp'
)
# *_posix.cpp files are never built for Windows; their *_win.cpp twins are.
mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -v '_posix\.cpp$' | sort -u)

export compiler
# One compiler per core; each gets the include flags, then its file as the last argument.
# shellcheck disable=SC2016 # the script is for the inner bash, which expands it
printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc)" -n 1 bash -c '
    file=${!#}
    out=$("$compiler" -std=c++20 -fsyntax-only -w -DDEPLOYER_VERSION="\"0\"" "${@:1:$#-1}" "$file" 2>&1) || {
        printf "== %s\n%s\n" "$file" "$out" | grep -v "^In file included\|^ *from " | head -25
        exit 1
    }' check "${includes[@]}"
rc=$?
if ((rc != 0)); then
    echo "check-windows-syntax: the files above do not compile for Windows"
    exit 1
fi
echo "check-windows-syntax: ${#files[@]} files compile for Windows (MinGW-w64, syntax only)"
