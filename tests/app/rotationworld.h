// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/secretbytes.h"
#include "domain/token.h"
#include "fakedynatrace.h"
#include "fakeglean.h"
#include "fakepangea.h"
#include "fakevaultkv.h"
#include "mockclock.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QTimeZone>

#include <memory>

class AppContext;

// The rotation tests' world: fake Dynatrace, Pangea, Glean and Vault on loopback sharing one
// MockClock with the engine, a real workspace file and the real keychain, and one account per
// provider added the way the GUI adds them (credentials through SecretCustody). Dynatrace and
// Pangea tokens come from a refresh; the Glean token is imported with its secret. The Dynatrace
// token `otel-collector` has a Vault sink at secret/tokendesk/otel-collector.
class RotationWorld final
{
public:
    // `start`: the shared clock's time; tests that run tokendesk-cli (which uses the real
    // clock) start it at the real time.
    explicit RotationWorld(const QDateTime &start = QDateTime(QDate(2026, 1, 31), QTime(12, 0), QTimeZone::utc()));
    ~RotationWorld();

    // False with a reason in `error` if any part could not be set up.
    bool setUp(QString *error);
    // Reopens the workspace (after a child process used it).
    bool reopen(QString *error);

    MockClock clock;
    FakeDynatrace dynatrace {clock};
    FakePangea pangea {clock};
    FakeGlean glean {clock};
    FakeVaultKv vault {clock};
    TempWorkspace dir;
    WorkspaceStore store;
    KeychainSecretStore secrets;
    std::unique_ptr<AppContext> context;

    Account dynatraceAccount;
    Account pangeaAccount;
    Account gleanAccount;
    Account vaultAccount;
    QString otelId; // the Dynatrace token's id at the start
    SecretBytes otelSecret;
    SecretBytes gleanSecret;
    QString pangeaItemId;

    struct CliRun
    {
        int exitCode = -1;
        bool killed = false;
        QString output;
    };
    // Runs tokendesk-cli (TOKENDESK_CLI) on this workspace, which is closed meanwhile so the
    // child can take the write lock; this process's event loop keeps the fakes answering.
    CliRun runCli(const QStringList &arguments, const QString &faultPoint = {});

    std::optional<Token> token(const QString &name) const;
    QByteArray keychainValue(const QString &key);

private:
    bool addAccount(Account &account, ProviderKind kind, const QString &name, const QUrl &url,
        const SecretBytes &credential, QString *error);
};
