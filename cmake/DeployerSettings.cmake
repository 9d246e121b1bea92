# One place for the compile strictness every target of ours gets (qt-style-anchors §5.10).
function(deployer_apply_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        DEPLOYER_VERSION="${PROJECT_VERSION}"
        # Q_ASSERTs (e.g. "libssh only on the session's worker thread") stay active in optimised CI builds.
        $<$<BOOL:${DEPLOYER_FORCE_ASSERTS}>:QT_FORCE_ASSERTS>)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror=switch -Wnon-virtual-dtor)
    endif()
endfunction()
