// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindowchrome.h"

#include "tokenactions.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

void MainWindowChrome::createMenus(QMainWindow *window, const Actions &actions)
{
    QMenu *fileMenu = window->menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(actions.addAccount);
    fileMenu->addAction(actions.refresh);
    fileMenu->addSeparator();
    fileMenu->addAction(actions.settings);
    fileMenu->addSeparator();
    fileMenu->addAction(actions.quit);

    QMenu *tokenMenu = window->menuBar()->addMenu(tr("&Token"));
    tokenMenu->addAction(actions.tokens->rotateAction());
    tokenMenu->addAction(actions.tokens->planAction());
    tokenMenu->addAction(actions.editPolicy);
    tokenMenu->addSeparator();
    tokenMenu->addAction(actions.tokens->revokeAction());
    tokenMenu->addAction(actions.tokens->revokeAccountAction());
    tokenMenu->addAction(actions.tokens->revokeAllAction());

    QMenu *viewMenu = window->menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(u"viewMenu"_s);
    viewMenu->addAction(actions.auditLog);
    viewMenu->addAction(actions.timeline);

    QMenu *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About TokenDesk"), window, [window] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About TokenDesk"),
            tr("<b>TokenDesk %1</b><p>Browse, rotate and revoke the API tokens of your services. Secrets stay in "
               "your system keychain.</p>")
                .arg(QApplication::applicationVersion()),
            QMessageBox::Close, window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindowChrome::createToolBars(QMainWindow *window, const Actions &actions, QWidget *filters)
{
    QToolBar *toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(actions.addAccount);
    toolBar->addAction(actions.refresh);
    toolBar->addSeparator();
    toolBar->addAction(actions.tokens->rotateAction());
    toolBar->addAction(actions.tokens->planAction());
    toolBar->addAction(actions.editPolicy);
    toolBar->addSeparator();
    toolBar->addAction(actions.auditLog);
    toolBar->addAction(actions.settings);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    // Red, with its name written out, at the far end: unmistakable and hard to hit by accident.
    auto *revoke = new QToolButton(toolBar);
    revoke->setObjectName(u"emergencyRevokeButton"_s);
    revoke->setDefaultAction(actions.tokens->revokeAction());
    revoke->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    revoke->setPopupMode(QToolButton::MenuButtonPopup);
    auto *revokeMenu = new QMenu(revoke);
    revokeMenu->addAction(actions.tokens->revokeAccountAction());
    revokeMenu->addAction(actions.tokens->revokeAllAction());
    revoke->setMenu(revokeMenu);
    revoke->setStyleSheet(u"QToolButton { background: #c62828; color: white; font-weight: bold; border-radius: 4px; "
                          "padding: 3px 8px; } QToolButton:disabled { background: #e3a5a5; color: #fdf0f0; }"_s);
    toolBar->addWidget(revoke);

    // The filters span the window, above accounts, tokens and details alike.
    window->addToolBarBreak();
    QToolBar *filterBar = window->addToolBar(tr("Filter"));
    filterBar->setObjectName(u"filterToolBar"_s);
    filterBar->setMovable(false);
    filterBar->addWidget(filters);
}
