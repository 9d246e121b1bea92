#!/usr/bin/env bash
# Fails when the German .ts is behind the sources: a translatable text it lacks (or one it still holds that the
# sources dropped), or a source file with tr() that lupdate is never shown. lupdate runs on a copy, with the
# project description CMake wrote for the update_translations target, so the source tree is left alone.
# Usage: translations-current.sh LUPDATE GENERATOR PROJECT_IN TS_FILE SOURCE_DIR
# Fix: cmake --build <build dir> --target update_translations, translate what it marks unfinished; list a new
# file in ui/CMakeLists.txt (qt_add_translations SOURCES).
set -euo pipefail
lupdate=$1 generator=$2 project_in=$3 ts=$4 source_dir=$5

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DIN_FILE="$project_in" -DOUT_FILE="$work/project.json" -P "$generator"

status=0
listed=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["sources"]))' "$work/project.json")
while IFS= read -r file; do
    if ! grep -qxF "$file" <<<"$listed"; then
        echo "not shown to lupdate (add it to qt_add_translations in ui/CMakeLists.txt): ${file#"$source_dir"/}"
        status=1
    fi
done < <(grep -rlE '\btr\(|QT_TR_NOOP|QCoreApplication::translate' \
    "$source_dir/app" "$source_dir/ui" "$source_dir/wizard_pages" --include='*.cpp' --include='*.ui' | sort)

cp "$ts" "$work/current.ts"
"$lupdate" -project "$work/project.json" -no-obsolete -locations none -ts "$work/current.ts" >"$work/lupdate.log" 2>&1 \
    || { cat "$work/lupdate.log"; exit 1; }
if ! diff -u "$ts" "$work/current.ts"; then
    echo "translations/$(basename "$ts") is behind the sources (diff above: what lupdate would change)."
    status=1
fi
exit "$status"
