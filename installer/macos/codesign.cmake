# SPDX-License-Identifier: GPL-3.0-or-later
# CPack pre-build script for DragNDrop: signs the staged TokenDesk.app from the inside out
# (libraries and plug-ins, frameworks, the executables, then the bundle) after macdeployqt has
# rewritten them and before the disk image is made. Notarization needs the hardened runtime and
# a secure timestamp, which a Developer ID identity gets here.
#
# The identity comes from the environment: TOKENDESK_CODESIGN_IDENTITY="Developer ID Application:
# ..." (the CI workflow sets it only when its signing secrets exist). Without it the bundle is
# signed ad hoc: Apple silicon runs nothing unsigned, and macdeployqt's changes void the linker's
# own ad hoc signatures. Gatekeeper still rejects an ad hoc app downloaded from the internet.
set(identity "$ENV{TOKENDESK_CODESIGN_IDENTITY}")
if(identity STREQUAL "")
    set(sign_options --force --sign -)
    message(STATUS "codesign: no TOKENDESK_CODESIGN_IDENTITY, signing ad hoc")
else()
    set(sign_options --force --timestamp --options runtime --sign "${identity}")
endif()

function(tokendesk_codesign path)
    execute_process(COMMAND codesign ${sign_options} "${path}" COMMAND_ERROR_IS_FATAL ANY)
endfunction()

file(GLOB apps LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*.app" "${CPACK_TEMPORARY_DIRECTORY}/*/*.app")
if(NOT apps)
    message(FATAL_ERROR "codesign: no .app found under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(app IN LISTS apps)
    message(STATUS "codesign: ${app}")
    file(GLOB_RECURSE libraries "${app}/Contents/Frameworks/*.dylib" "${app}/Contents/PlugIns/*.dylib")
    file(GLOB frameworks LIST_DIRECTORIES true "${app}/Contents/Frameworks/*.framework")
    file(GLOB executables "${app}/Contents/MacOS/*")
    foreach(item IN LISTS libraries frameworks executables)
        tokendesk_codesign("${item}")
    endforeach()
    tokendesk_codesign("${app}")
    execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${app}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
