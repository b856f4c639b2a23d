// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationengine.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "osuser.h"
#include "rotationrun.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

RotationEngine::RotationEngine(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

bool RotationEngine::rotate(qint64 tokenId, QString *error)
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const std::optional<Token> token = m_context->store()->token(tokenId);
    if (!token)
        return refuse(tr("There is no token %1 in the workspace.").arg(tokenId));
    const std::optional<Account> account = m_context->store()->account(token->accountId);
    if (!account)
        return refuse(tr("The token's account is no longer in the workspace."));
    if (m_queuedTokens.contains(tokenId) || RotationStore(m_context->store()).activeFor(tokenId))
        return refuse(tr("The token already has a rotation queued or in progress."));
    Rotation rotation;
    rotation.tokenId = token->id;
    rotation.accountId = account->id;
    // Journaled when it starts, not here: queueing a thousand tokens writes nothing yet, and a
    // queued rotation that never started has nothing to recover.
    enqueue(rotation, false);
    return true;
}

bool RotationEngine::begin(Rotation &rotation, QString *error)
{
    const std::optional<Token> token = m_context->store()->token(rotation.tokenId);
    const std::optional<Account> account = m_context->store()->account(rotation.accountId);
    if (!token || !account) {
        *error = tr("The token or its account is no longer in the workspace.");
        return false;
    }
    rotation.oldVersion = std::max(1, token->currentVersion);
    rotation.oldProviderId = token->providerId;
    rotation.startedAt = m_context->clock().nowUtc();
    rotation.updatedAt = rotation.startedAt;
    AuditEvent start;
    start.at = rotation.startedAt;
    start.osUser = OsUser::name();
    start.accountId = account->id;
    start.accountName = account->displayName;
    start.tokenId = token->id;
    start.tokenName = token->name;
    start.action = u"rotate.start"_s;
    start.outcome = AuditEvent::Outcome::Started;
    start.details = tr("from version %1").arg(rotation.oldVersion);
    RotationStore journal(m_context->store());
    if (!journal.begin(rotation, start)) {
        *error = journal.errorString();
        return false;
    }
    return true;
}

void RotationEngine::rotateAll(const QList<qint64> &tokenIds)
{
    const bool scheduled = !m_toQueue.isEmpty();
    m_toQueue << tokenIds;
    if (!scheduled)
        QTimer::singleShot(0, this, &RotationEngine::queueBatch);
}

void RotationEngine::queueBatch()
{
    // Each token costs a few indexed queries: 50 of them stay well under a frame.
    constexpr int BatchSize = 50;
    for (int i = 0; i < BatchSize && !m_toQueue.isEmpty(); ++i) {
        const qint64 id = m_toQueue.takeFirst();
        QString error;
        if (!rotate(id, &error))
            Q_EMIT refused(id, error);
    }
    if (!m_toQueue.isEmpty())
        QTimer::singleShot(0, this, &RotationEngine::queueBatch);
    else if (isIdle())
        Q_EMIT idle();
}

int RotationEngine::cancel(const QList<qint64> &tokenIds)
{
    const QSet<qint64> wanted(tokenIds.cbegin(), tokenIds.cend());
    QList<qint64> withdrawn;
    m_toQueue.removeIf([&](qint64 id) {
        if (!wanted.contains(id))
            return false;
        withdrawn << id;
        return true;
    });
    m_queue.removeIf([&](const Queued &queued) {
        if (queued.rotation.id != 0 || !wanted.contains(queued.rotation.tokenId))
            return false;
        m_queuedTokens.remove(queued.rotation.tokenId);
        withdrawn << queued.rotation.tokenId;
        return true;
    });
    for (qint64 id : std::as_const(withdrawn))
        Q_EMIT cancelled(id);
    if (!withdrawn.isEmpty() && isIdle())
        Q_EMIT idle();
    return static_cast<int>(withdrawn.size());
}

int RotationEngine::resume()
{
    const QDateTime now = m_context->clock().nowUtc();
    int queued = 0;
    for (const Rotation &rotation : RotationStore(m_context->store()).unfinished()) {
        if (m_active.contains(rotation.id) || m_queuedIds.contains(rotation.id))
            continue;
        if (rotation.status == Rotation::Status::Waiting && rotation.dueAt.isValid() && rotation.dueAt > now)
            continue;
        enqueue(rotation, rotation.status != Rotation::Status::Waiting);
        ++queued;
    }
    return queued;
}

void RotationEngine::enqueue(const Rotation &rotation, bool resumed)
{
    m_queue.append({rotation, resumed});
    m_queuedTokens.insert(rotation.tokenId);
    if (rotation.id != 0)
        m_queuedIds.insert(rotation.id);
    // From the event loop, so callers see rotate() return before any progress arrives.
    QTimer::singleShot(0, this, &RotationEngine::startNext);
}

QString RotationEngine::nameKey(const Rotation &rotation) const
{
    const std::optional<Token> token = m_context->store()->token(rotation.tokenId);
    return QString::number(rotation.accountId) + u'/' + (token ? token->name : QString());
}

// Dynatrace finds a lost replacement by its name: two tokens of one name in one account never
// rotate at the same time, so one rotation's search cannot mistake the other's replacement.
bool RotationEngine::sharesName(const Rotation &rotation) const
{
    const QString key = nameKey(rotation);
    return std::any_of(m_activeNames.cbegin(), m_activeNames.cend(), [&key](const QString &n) { return n == key; });
}

void RotationEngine::startNext()
{
    for (auto it = m_queue.begin(); it != m_queue.end() && m_active.size() < m_limits.overall;) {
        if (m_activePerAccount.value(it->rotation.accountId) >= m_limits.perAccount || sharesName(it->rotation)) {
            ++it;
            continue;
        }
        Queued next = *it;
        it = m_queue.erase(it);
        m_queuedIds.remove(next.rotation.id);
        m_queuedTokens.remove(next.rotation.tokenId);
        if (next.rotation.id == 0) {
            QString error;
            if (!begin(next.rotation, &error)) {
                next.rotation.status = Rotation::Status::Failed;
                next.rotation.error = error;
                // Reported like any other end, from the event loop.
                QTimer::singleShot(0, this, [this, rotation = next.rotation] {
                    Q_EMIT finished(rotation);
                    if (isIdle())
                        Q_EMIT idle();
                });
                continue;
            }
        }
        m_active.insert(next.rotation.id);
        m_activeNames.insert(next.rotation.id, nameKey(next.rotation));
        ++m_activePerAccount[next.rotation.accountId];
        auto *run = new RotationRun(m_context, next.rotation, next.resumed, this);
        connect(run, &RotationRun::progressed, this, &RotationEngine::progressed);
        connect(run, &RotationRun::finished, this, [this](const Rotation &rotation) {
            m_active.remove(rotation.id);
            m_activeNames.remove(rotation.id);
            --m_activePerAccount[rotation.accountId];
            Q_EMIT finished(rotation);
            startNext();
            if (isIdle())
                Q_EMIT idle();
        });
        QTimer::singleShot(0, run, &RotationRun::start);
    }
}
