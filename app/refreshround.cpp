// SPDX-License-Identifier: GPL-3.0-or-later
#include "refreshround.h"

#include "appcontext.h"
#include "core/provider.h"
#include "core/provideroperation.h"
#include "http/apierror.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"
#include "workspacesync.h"

using namespace Qt::StringLiterals;

RefreshRound::RefreshRound(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    connect(context->sync(), &WorkspaceSync::refreshFinished, this, &RefreshRound::onRefreshFinished);
}

AccountListModel::Health RefreshRound::healthOf(const ApiError &error)
{
    using Health = AccountListModel::Health;
    if (!error.isError())
        return Health::Connected;
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return Health::AuthFailed;
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
        || error.kind == ApiError::Kind::Tls)
        return Health::Offline;
    return Health::Error;
}

bool RefreshRound::start(QString *summary)
{
    if (isRunning()) {
        *summary = tr("A refresh is already running.");
        return false;
    }
    m_problems.clear();
    m_tokens = 0;
    for (const Account &account : m_context->store()->accounts()) {
        if (WorkspaceSync::canList(account.kind))
            m_pending.insert(account.id);
        else if (account.kind != ProviderKind::VaultKv) // a destination: contacted only to write
            checkConnection(account);
    }
    if (m_pending.isEmpty()) {
        *summary = tr("No account to refresh: add an account first.");
        return false;
    }
    const int count = int(m_pending.size());
    *summary = tr("Refreshing %n account(s)…", nullptr, count);
    const QSet<qint64> accounts = m_pending;
    for (qint64 id : accounts)
        m_context->sync()->refresh(id);
    return true;
}

void RefreshRound::checkConnection(const Account &account)
{
    // Glean has no listing to refresh, but an admin still wants to see that its credential
    // works: one authenticated call (the account's connection test) says so.
    SecretJob *read = m_context->secrets()->read(account.credential.location);
    connect(read, &SecretJob::finished, this, [this, account](SecretJob *job) {
        if (job->error() != SecretJob::Error::NoError) {
            Q_EMIT accountChecked(account.id, AccountListModel::Health::Error, job->errorString());
            return;
        }
        Provider *provider = m_context->providers().create(account, job->value(), this);
        if (!provider)
            return;
        ProviderOperation *test = provider->testConnection();
        connect(test, &ProviderOperation::finished, this,
            [this, provider, accountId = account.id](ProviderOperation *done) {
                provider->deleteLater();
                const ApiError &error = done->error();
                Q_EMIT accountChecked(accountId, healthOf(error), error.isError() ? error.toString() : QString());
            });
    });
}

void RefreshRound::add(qint64 accountId)
{
    m_pending.insert(accountId);
    m_context->sync()->refresh(accountId);
}

void RefreshRound::onRefreshFinished(qint64 accountId, int tokenCount, const ApiError &error)
{
    Q_EMIT accountChecked(accountId, healthOf(error), error.isError() ? error.toString() : QString());
    if (!m_pending.remove(accountId))
        return;
    const std::optional<Account> account = m_context->store()->account(accountId);
    const QString name = account ? account->displayName : QString::number(accountId);
    if (error.isError())
        m_problems << tr("%1: %2").arg(name, error.toString());
    else
        m_tokens += tokenCount;
    if (!m_pending.isEmpty())
        return;
    const QString summary = m_problems.isEmpty()
        ? tr("Refreshed: %n token(s) listed.", nullptr, m_tokens)
        : tr("Refresh finished with problems. %1").arg(m_problems.join(u"; "_s));
    m_problems.clear();
    m_tokens = 0;
    Q_EMIT finished(summary);
}
