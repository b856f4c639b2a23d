// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

// Process set-up shared by the GUI and the command line: application identity (it decides the
// data and settings folders), core dumps off so no secret lands in a crash file, and the
// logging rules, translations.
class Bootstrap final
{
public:
    static void setApplicationIdentity();
    static void hardenProcess();
    // Loads TokenDesk's and Qt's translations for the user's locale; English plural forms
    // ("1 token", "2 tokens") come from the English translation, so it is loaded as a fallback.
    static void installTranslations();
};
