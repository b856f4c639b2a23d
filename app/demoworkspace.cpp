// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoworkspace.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "secretcustody.h"
#include "store/workspacestore.h"
#include "workspacesync.h"

#include <QFile>
#include <QStandardPaths>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

struct DemoAccount
{
    const char16_t *service;
    ProviderKind kind;
    const char *name;
};

// The order accounts appear in; the names are translated like any other UI text.
const DemoAccount DemoAccounts[] {
    {u"pangea", ProviderKind::PangeaVault, QT_TRANSLATE_NOOP("DemoWorkspace", "Pangea Vault (sandbox)")},
    {u"dynatrace", ProviderKind::Dynatrace, QT_TRANSLATE_NOOP("DemoWorkspace", "Dynatrace (sandbox)")},
    {u"piiano", ProviderKind::PiianoVault, QT_TRANSLATE_NOOP("DemoWorkspace", "Piiano customers (sandbox)")},
    {u"glean", ProviderKind::Glean, QT_TRANSLATE_NOOP("DemoWorkspace", "Glean indexing (sandbox)")},
    {u"vault", ProviderKind::VaultKv, QT_TRANSLATE_NOOP("DemoWorkspace", "HashiCorp Vault (sandbox)")},
};

} // namespace

QString DemoWorkspace::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/sandbox/workspace.tokendesk"_s;
}

bool DemoWorkspace::openFresh(WorkspaceStore *store, const QString &path)
{
    // Opening first takes the workspace lock, so files in use by another instance stay alone.
    if (!store->open(path))
        return false;
    store->close();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    return store->open(path);
}

DemoWorkspace::DemoWorkspace(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    connect(
        m_context->sync(), &WorkspaceSync::refreshFinished, this, [this](qint64 accountId, int, const ApiError &error) {
            if (!m_refreshing.remove(accountId))
                return;
            if (error.isError()) {
                const std::optional<Account> account = m_context->store()->account(accountId);
                m_problems << tr("%1: %2").arg(account ? account->displayName : QString(), error.toString());
            }
            --m_pending;
            settle();
        });
}

void DemoWorkspace::populate(const QList<SandboxService> &services)
{
    m_problems.clear();
    m_pending = 1; // held until every account is under way, so finished() cannot come early
    for (const DemoAccount &demo : DemoAccounts) {
        const QString name = QString::fromUtf16(demo.service);
        const auto found = std::find_if(
            services.cbegin(), services.cend(), [&name](const SandboxService &s) { return s.name == name; });
        if (found == services.cend()) {
            m_problems << tr("The sandbox did not announce %1.").arg(name);
            continue;
        }
        addAccount(*found);
    }
    --m_pending;
    settle();
}

void DemoWorkspace::addAccount(const SandboxService &service)
{
    const DemoAccount &demo = *std::find_if(std::cbegin(DemoAccounts), std::cend(DemoAccounts),
        [&service](const DemoAccount &d) { return service.name == QString::fromUtf16(d.service); });
    Account account;
    account.kind = demo.kind;
    account.displayName = tr(demo.name);
    account.baseUrl = service.url;
    if (demo.kind == ProviderKind::PiianoVault) {
        // Piiano lists by tag within one collection; the sandbox tags its customers "crm".
        QUrlQuery query;
        query.addQueryItem(u"collection"_s, u"customers"_s);
        query.addQueryItem(u"tag"_s, u"crm"_s);
        account.baseUrl.setQuery(query);
    }
    ++m_pending;
    m_context->custody()->addAccount(
        account, service.credential, this, [this, service](const Account &saved, const QString &error) {
            if (!error.isEmpty()) {
                m_problems << tr("%1: %2").arg(saved.displayName, error);
                --m_pending;
                settle();
                return;
            }
            if (saved.kind == ProviderKind::Glean)
                importGleanTokens(saved, service);
            onAccountReady(saved);
        });
}

void DemoWorkspace::importGleanTokens(const Account &account, const SandboxService &service)
{
    const QJsonObject periods = service.details.value(u"rotationPeriodMinutes"_s).toObject();
    const QDateTime now = m_context->clock().nowUtc();
    for (const SandboxService::NamedSecret &named : service.tokens) {
        Token token;
        token.accountId = account.id;
        token.providerId = named.name; // Glean tokens have no public id; the name stands in
        token.name = named.name;
        token.createdAt = now;
        token.currentVersion = 1;
        const qint64 minutes = periods.value(named.name).toInteger();
        // Glean counts in minutes; shown in the largest unit that is exact ("1 day", not "1440 minutes").
        if (minutes > 0 && minutes % (24 * 60) == 0)
            token.policy.interval = PolicyDuration(minutes / (24 * 60), PolicyDuration::Unit::Days);
        else if (minutes > 0 && minutes % 60 == 0)
            token.policy.interval = PolicyDuration(minutes / 60, PolicyDuration::Unit::Hours);
        else if (minutes > 0)
            token.policy.interval = PolicyDuration(minutes, PolicyDuration::Unit::Minutes);
        if (!m_context->store()->addToken(token)) {
            m_problems << tr("%1: %2").arg(account.displayName, m_context->store()->errorString());
            continue;
        }
        TokenVersion version;
        version.number = 1;
        version.createdAt = now;
        version.state = VersionState::Current;
        ++m_pending;
        m_context->custody()->addVersionSecret(
            token, version, named.secret, this, [this, account](const TokenVersion &, const QString &error) {
                if (!error.isEmpty())
                    m_problems << tr("%1: %2").arg(account.displayName, error);
                --m_pending;
                settle();
            });
    }
}

void DemoWorkspace::onAccountReady(const Account &account)
{
    // Glean cannot list and Vault is where secrets go, not a token issuer: nothing to refresh.
    if (account.kind == ProviderKind::Glean || account.kind == ProviderKind::VaultKv) {
        --m_pending;
        settle();
        return;
    }
    m_refreshing.insert(account.id);
    m_context->sync()->refresh(account.id);
}

void DemoWorkspace::settle()
{
    if (m_pending == 0)
        Q_EMIT finished(m_problems);
}
