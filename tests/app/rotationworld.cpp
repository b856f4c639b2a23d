// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationworld.h"

#include "appcontext.h"
#include "secretcustody.h"
#include "secrets/secretjob.h"
#include "store/rotationstore.h"
#include "workspacesync.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const SecretBytes PangeaAdmin("pts_rotationworldadmin000000000000"_ba);
const SecretBytes VaultApp("hvs.RotationWorldApp000000000"_ba);

} // namespace

RotationWorld::RotationWorld(const QDateTime &start)
    : clock(start)
{ }

RotationWorld::~RotationWorld()
{
    context.reset();
}

bool RotationWorld::addAccount(Account &account, ProviderKind kind, const QString &name, const QUrl &url,
    const SecretBytes &credential, QString *error)
{
    account.kind = kind;
    account.displayName = name;
    account.baseUrl = url;
    bool done = false;
    context->custody()->addAccount(account, credential, context.get(), [&](const Account &saved, const QString &e) {
        account = saved;
        *error = e;
        done = true;
    });
    return QTest::qWaitFor([&done] { return done; }, 20000) && error->isEmpty();
}

bool RotationWorld::setUp(QString *error)
{
    QStandardPaths::setTestModeEnabled(true);
    if (!dynatrace.listen() || !pangea.listen() || !glean.listen() || !vault.listen()) {
        *error = u"a fake did not listen"_s;
        return false;
    }
    DynatraceTokenSeed manager;
    manager.name = u"tokendesk-manager"_s;
    manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
    const SecretBytes managerSecret = dynatrace.addToken(manager);
    DynatraceTokenSeed otel;
    otel.name = u"otel-collector"_s;
    otel.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
    otelSecret = dynatrace.addToken(otel, &otelId);

    pangea.addAdminToken(PangeaAdmin);
    PangeaTokenSeed item;
    item.name = u"ci-deployer"_s;
    item.rotationGracePeriod = u"1h"_s;
    pangeaItemId = pangea.addTokenItem(item);

    GleanTokenSeed gleanSeed;
    gleanSeed.name = u"wiki-connector"_s;
    gleanSecret = glean.addToken(gleanSeed);

    vault.addMount(u"secret"_s);
    VaultTokenSeed app;
    app.displayName = u"token-tokendesk"_s;
    app.rules = {{u"secret/data/tokendesk/*"_s, {u"create"_s, u"read"_s, u"update"_s}},
        {u"secret/metadata/tokendesk/*"_s, {u"read"_s, u"list"_s}}};
    vault.addToken(VaultApp, app);

    if (!store.open(dir.path())) {
        *error = store.errorString();
        return false;
    }
    context = std::make_unique<AppContext>(&store, &secrets, clock);
    if (!addAccount(
            dynatraceAccount, ProviderKind::Dynatrace, u"Dynatrace"_s, dynatrace.baseUrl(), managerSecret, error)
        || !addAccount(pangeaAccount, ProviderKind::PangeaVault, u"Pangea"_s, pangea.baseUrl(), PangeaAdmin, error)
        || !addAccount(gleanAccount, ProviderKind::Glean, u"Glean"_s, glean.baseUrl(), gleanSecret, error)
        || !addAccount(vaultAccount, ProviderKind::VaultKv, u"Vault"_s, vault.baseUrl(), VaultApp, error))
        return false;

    for (qint64 id : {dynatraceAccount.id, pangeaAccount.id}) {
        QSignalSpy refreshed(context->sync(), &WorkspaceSync::refreshFinished);
        context->sync()->refresh(id);
        if (!refreshed.wait(20000) || refreshed.constFirst().at(2).value<ApiError>().isError()) {
            *error = u"refresh of account %1 failed"_s.arg(id);
            return false;
        }
    }
    Token wiki;
    wiki.accountId = gleanAccount.id;
    wiki.providerId = u"wiki-connector"_s;
    wiki.name = u"wiki-connector"_s;
    wiki.createdAt = clock.nowUtc();
    wiki.currentVersion = 1;
    if (!store.addToken(wiki)) {
        *error = store.errorString();
        return false;
    }
    TokenVersion first;
    first.number = 1;
    first.createdAt = clock.nowUtc();
    first.state = VersionState::Current;
    bool stored = false;
    context->custody()->addVersionSecret(
        wiki, first, gleanSecret, context.get(), [&](const TokenVersion &, const QString &e) {
            *error = e;
            stored = true;
        });
    if (!QTest::qWaitFor([&stored] { return stored; }, 20000) || !error->isEmpty())
        return false;

    QList<TokenSink> sinks {{0, 0, vaultAccount.id, u"secret"_s, u"tokendesk/otel-collector"_s, u"token"_s}};
    RotationStore rotations(&store);
    if (!rotations.setSinks(token(u"otel-collector"_s)->id, sinks)) {
        *error = rotations.errorString();
        return false;
    }
    return true;
}

bool RotationWorld::reopen(QString *error)
{
    context.reset();
    store.close();
    if (!store.open(dir.path())) {
        *error = store.errorString();
        return false;
    }
    context = std::make_unique<AppContext>(&store, &secrets, clock);
    return true;
}

std::optional<Token> RotationWorld::token(const QString &name) const
{
    for (const Token &t : store.tokens()) {
        if (t.name == name)
            return t;
    }
    return std::nullopt;
}

QByteArray RotationWorld::keychainValue(const QString &key)
{
    SecretJob *job = secrets.read(key);
    QSignalSpy finished(job, &SecretJob::finished);
    if (!finished.wait(20000) || job->error() != SecretJob::Error::NoError)
        return {};
    return job->value().exposeBytes();
}

RotationWorld::CliRun RotationWorld::runCli(const QStringList &arguments, const QString &faultPoint)
{
    context.reset();
    store.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (faultPoint.isEmpty())
        env.remove(u"TOKENDESK_FAULT_POINT"_s);
    else
        env.insert(u"TOKENDESK_FAULT_POINT"_s, faultPoint);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("TOKENDESK_CLI"), arguments + QStringList {u"--workspace"_s, dir.path()});
    CliRun run;
    QSignalSpy finished(&process, &QProcess::finished);
    if (!process.waitForStarted(10000) || !finished.wait(60000)) {
        run.output = u"tokendesk-cli did not finish: "_s + QString::fromUtf8(process.readAll());
        process.kill();
        process.waitForFinished();
    } else {
        run.exitCode = process.exitCode();
        run.killed = process.exitStatus() == QProcess::CrashExit;
        run.output = QString::fromUtf8(process.readAll());
    }
    QString error;
    if (!reopen(&error))
        run.output += u"\nreopen failed: "_s + error;
    return run;
}
