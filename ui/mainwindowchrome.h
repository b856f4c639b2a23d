// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QAction;
class QMainWindow;
class QWidget;
class TokenActions;

// The main window's menus and toolbars, laid out from actions the window owns: File, Token,
// View and Help menus; the main toolbar with the red Emergency Revoke button at its far end;
// and the filter bar spanning the window below it. Layout only: no action is created here.
class MainWindowChrome final
{
    Q_DECLARE_TR_FUNCTIONS(MainWindowChrome)

public:
    struct Actions
    {
        QAction *addAccount = nullptr;
        QAction *refresh = nullptr;
        QAction *editPolicy = nullptr;
        QAction *auditLog = nullptr;
        QAction *timeline = nullptr;
        QAction *settings = nullptr;
        QAction *quit = nullptr;
        TokenActions *tokens = nullptr;
    };

    static void createMenus(QMainWindow *window, const Actions &actions);
    static void createToolBars(QMainWindow *window, const Actions &actions, QWidget *filters);
};
