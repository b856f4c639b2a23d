// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "mockclock.h"
#include "secrets/unavailablesecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QTimeZone>

#include <memory>

// The main window tests' workspace: a real workspace file, a mock clock standing at start() and
// no keychain, with two accounts and three tokens whose due dates are known. "Prod DT"
// (Dynatrace) holds ingest-metrics (every 30 days, created 10 days ago: due in 20 days) and
// billing-export (manual); "Glean search" holds crawler (every 60 days: due in 50 days).
class DeskWorkspace final
{
public:
    static QDateTime start() { return QDateTime(QDate(2026, 3, 1), QTime(8, 30), QTimeZone::utc()); }

    DeskWorkspace();
    ~DeskWorkspace();
    Q_DISABLE_COPY_MOVE(DeskWorkspace)

    // False with the store's error if the workspace could not be filled.
    bool setUp();
    // A fresh AppContext over the same store, as a restarted TokenDesk has.
    void restart();

    // A token not yet stored, created ten days before start(); no policy when intervalDays is 0.
    Token makeToken(qint64 accountId, const QString &name, int intervalDays) const;
    bool audit(const Token &token, const QString &action);
    // A rotation of `token` that ended in failure, straight into the journal.
    bool failRotation(const Token &token);

    MockClock clock {start()};
    TempWorkspace dir;
    WorkspaceStore store;
    UnavailableSecretStore secrets;
    std::unique_ptr<AppContext> context;
    Account prod;
    Account glean;
    Token ingest;
    Token billing;
    Token crawler;

private:
    Account addAccount(ProviderKind kind, const QString &name);
};
