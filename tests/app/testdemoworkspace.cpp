// SPDX-License-Identifier: GPL-3.0-or-later
// The run command's embedded default: the real tokendesk-sandbox, a demo workspace filled from
// its announcements through the real keychain (one account per provider, Glean's tokens with
// their secrets), and every listable account refreshed from its fake provider.
#include "appcontext.h"
#include "demoworkspace.h"
#include "domain/clock.h"
#include "sandboxlauncher.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "store/workspacestore.h"
#include "tempworkspace.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readKeychain(SecretStore &secrets, const QString &key)
{
    SecretJob *job = secrets.read(key);
    QSignalSpy finished(job, &SecretJob::finished);
    if (!finished.wait(20000) || job->error() != SecretJob::Error::NoError)
        return {};
    return job->value().exposeBytes();
}

int countOf(const QList<Token> &tokens, const QList<Account> &accounts, ProviderKind kind)
{
    return static_cast<int>(std::count_if(tokens.cbegin(), tokens.cend(), [&](const Token &token) {
        return std::any_of(accounts.cbegin(), accounts.cend(),
            [&](const Account &a) { return a.id == token.accountId && a.kind == kind; });
    }));
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sandboxFillsTheDemoWorkspace()
    {
        TempWorkspace dir;
        WorkspaceStore store;
        QVERIFY(store.open(dir.path()));
        KeychainSecretStore secrets;
        AppContext context(&store, &secrets, Clock::system());
        SandboxLauncher launcher;
        QSignalSpy ready(&launcher, &SandboxLauncher::ready);
        launcher.start(qEnvironmentVariable("TOKENDESK_SANDBOX"));
        QVERIFY(ready.wait(30000));

        DemoWorkspace demo(&context);
        QSignalSpy finished(&demo, &DemoWorkspace::finished);
        demo.populate(launcher.services());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().constFirst().toStringList(), QStringList());

        const QList<Account> accounts = store.accounts();
        QCOMPARE(accounts.size(), 5);
        for (const Account &account : accounts) {
            QVERIFY2(account.displayName.endsWith(u"(sandbox)"_s), qPrintable(account.displayName));
            QCOMPARE(account.baseUrl.host(), u"127.0.0.1"_s);
            QVERIFY2(!readKeychain(secrets, account.credential.location).isEmpty(), qPrintable(account.displayName));
        }
        const QList<Token> tokens = store.tokens();
        QCOMPARE(countOf(tokens, accounts, ProviderKind::PangeaVault), 5);
        QCOMPARE(countOf(tokens, accounts, ProviderKind::Dynatrace), 5); // 4 demo tokens + the manager
        QCOMPARE(countOf(tokens, accounts, ProviderKind::PiianoVault), 5); // the customers tagged "crm"
        QCOMPARE(countOf(tokens, accounts, ProviderKind::Glean), 3);

        // Glean's tokens were imported with their own secrets, since Glean cannot list them.
        const SandboxService *glean = launcher.service(u"glean"_s);
        for (const SandboxService::NamedSecret &named : glean->tokens) {
            const auto token = std::find_if(
                tokens.cbegin(), tokens.cend(), [&named](const Token &t) { return t.name == named.name; });
            QVERIFY2(token != tokens.cend(), qPrintable(named.name));
            const QList<TokenVersion> versions = store.versions(token->id);
            QCOMPARE(versions.size(), 1);
            QCOMPARE(versions.constFirst().state, VersionState::Current);
            QCOMPARE(readKeychain(secrets, versions.constFirst().secret.location), named.secret.exposeBytes());
            if (named.name == u"wiki-connector"_s)
                QVERIFY(token->policy.interval == PolicyDuration(1, PolicyDuration::Unit::Days));
        }
    }

    void openFreshEmptiesAnEarlierDemoButNotAWorkspaceInUse()
    {
        TempWorkspace dir;
        {
            WorkspaceStore earlier;
            QVERIFY(earlier.open(dir.path()));
            Account account;
            account.kind = ProviderKind::Dynatrace;
            account.displayName = u"left over"_s;
            account.credential = SecretRef::keychain(u"k"_s);
            QVERIFY(earlier.addAccount(account));
        }
        WorkspaceStore store;
        QVERIFY2(DemoWorkspace::openFresh(&store, dir.path()), qPrintable(store.errorString()));
        QCOMPARE(store.accounts().size(), 0);

        WorkspaceStore second;
        QVERIFY(!DemoWorkspace::openFresh(&second, dir.path()));
        QVERIFY2(second.errorString().contains(u"already open for writing"_s), qPrintable(second.errorString()));
        QVERIFY(store.isOpen());
    }
};

QTEST_MAIN(TestDemoWorkspace)
#include "testdemoworkspace.moc"
