# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: TokenDesk.app with its Info.plist, the .icns rendered at build time, and tokendesk-cli
# inside the bundle (Contents/MacOS), where macdeployqt fixes its Qt references along with the
# app's. Included from installer/CMakeLists.txt.

set_target_properties(tokendesk PROPERTIES
    OUTPUT_NAME TokenDesk
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${TOKENDESK_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME TokenDesk
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE tokendesk.icns
    MACOSX_BUNDLE_COPYRIGHT "Copyright the TokenDesk contributors. GPL-3.0-or-later.")

# The icon is an output of the tokendesk_installer_icons target in this directory; the bundle
# target in app/ copies it into Contents/Resources.
set_source_files_properties(${TOKENDESK_ICNS} TARGET_DIRECTORY tokendesk
    PROPERTIES GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources)
target_sources(tokendesk PRIVATE ${TOKENDESK_ICNS})
add_dependencies(tokendesk tokendesk_installer_icons)

# tokendesk-cli sits next to the app's executable and finds the deployed frameworks the same way.
set_target_properties(tokendesk-cli PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")

install(TARGETS tokendesk BUNDLE DESTINATION . COMPONENT Runtime)
install(TARGETS tokendesk-cli RUNTIME DESTINATION TokenDesk.app/Contents/MacOS COMPONENT Runtime)
