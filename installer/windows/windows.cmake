# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: icon and version resources for both executables (Explorer, Task Manager and the
# installers show them), and the MSVC run-time DLLs next to the app. Included from
# installer/CMakeLists.txt; the .ico is rendered at build time by tokendesk-iconrender.

foreach(target tokendesk tokendesk-cli)
    if(target STREQUAL "tokendesk")
        set(TOKENDESK_RC_DESCRIPTION "TokenDesk")
    else()
        set(TOKENDESK_RC_DESCRIPTION "TokenDesk command line")
    endif()
    set(TOKENDESK_RC_NAME ${target})
    set(rc ${CMAKE_CURRENT_BINARY_DIR}/${target}.rc)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/tokendesk.rc.in ${rc} @ONLY)
    set_source_files_properties(${rc} TARGET_DIRECTORY ${target} PROPERTIES OBJECT_DEPENDS ${TOKENDESK_ICO})
    target_sources(${target} PRIVATE ${rc})
    add_dependencies(${target} tokendesk_installer_icons)
endforeach()

# vcruntime140*.dll and msvcp140*.dll, from the Visual Studio that builds the app.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT Runtime)
include(InstallRequiredSystemLibraries)
