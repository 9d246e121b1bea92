#!/usr/bin/env bash
# Formats (--fix) or checks (--check) every C++ file we own with the repository's .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:---check}
clang_format=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | grep -v '^build/')
if [[ ${#files[@]} -eq 0 ]]; then exit 0; fi
if [[ $mode == --fix ]]; then
    "$clang_format" -i "${files[@]}"
else
    "$clang_format" --dry-run --Werror "${files[@]}"
    echo "format check: ${#files[@]} files clean"
fi
