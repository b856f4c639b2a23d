// SPDX-License-Identifier: GPL-3.0-or-later
#include "scheduler.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "domain/rotationdue.h"
#include "rotationengine.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScheduler, "tokendesk.scheduler")

namespace {

constexpr qint64 MaxJitterSeconds = 10 * 60;
constexpr qint64 MaxMarginSeconds = 60 * 60;

// Stable per token (not per run), so a restart does not move a token's start time.
qint64 jitterSeconds(qint64 tokenId)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArray::number(tokenId), QCryptographicHash::Sha256);
    const quint32 value = (quint32(quint8(digest[0])) << 8) | quint8(digest[1]);
    return static_cast<qint64>(value % (MaxJitterSeconds + 1));
}

} // namespace

Scheduler::Scheduler(AppContext *context, RotationEngine *engine, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_engine(engine)
{
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
    connect(m_engine, &RotationEngine::finished, this, [this](const Rotation &rotation) {
        if (rotation.status == Rotation::Status::Failed || rotation.status == Rotation::Status::Compensated
            || rotation.status == Rotation::Status::Compensating) {
            const std::optional<Token> token = m_context->store()->token(rotation.tokenId);
            Q_EMIT rotationFailed(rotation, token ? token->name : QString());
        }
    });
}

void Scheduler::start(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_timer.start(interval);
    QTimer::singleShot(0, this, &Scheduler::tick); // catch up at once after a start
}

void Scheduler::stop()
{
    m_timer.stop();
}

QDateTime Scheduler::startTime(const Token &token, const QDateTime &due)
{
    const qint64 interval = token.policy.interval.isNull() ? 0 : token.policy.interval.nominalSeconds();
    const qint64 margin = std::min(MaxMarginSeconds, interval / 10);
    const qint64 jitter = std::min(jitterSeconds(token.id), interval / 20);
    return due.addSecs(-(margin + jitter));
}

void Scheduler::tick()
{
    const QDateTime now = m_context->clock().nowUtc();
    if (m_lastTick.isValid()) {
        const qint64 late
            = m_lastTick.secsTo(now) - std::chrono::duration_cast<std::chrono::seconds>(m_interval).count();
        if (late > 2 * std::chrono::duration_cast<std::chrono::seconds>(m_interval).count()) {
            qCInfo(lcScheduler) << "catching up after" << late << "seconds without a pass";
            Q_EMIT caughtUp(late);
        }
    }
    m_lastTick = now;
    if (!m_online) {
        qCInfo(lcScheduler) << "offline: no rotation starts";
        return;
    }
    m_engine->resume();
    const RotationStore journal(m_context->store());
    QHash<qint64, Account> accounts;
    for (const Account &account : m_context->store()->accounts())
        accounts.insert(account.id, account);
    for (const Token &token : m_context->store()->tokens()) {
        const DueState state = RotationDue::dueState(token, now);
        if (state == DueState::None)
            continue;
        const QDateTime due = RotationDue::nextDue(token);
        if (state == DueState::DueSoon && m_announcedDueSoon.value(token.id) != due) {
            m_announcedDueSoon.insert(token.id, due);
            Q_EMIT dueSoon(token, due);
        }
        if (!token.policy.automatic) {
            if (state == DueState::Overdue && m_announcedOverdue.value(token.id) != due) {
                m_announcedOverdue.insert(token.id, due);
                Q_EMIT overdue(token, due);
            }
            continue;
        }
        const Account account = accounts.value(token.accountId);
        if (account.kind == ProviderKind::VaultKv || token.state == TokenState::Revoked || journal.activeFor(token.id))
            continue;
        if (now < startTime(token, due))
            continue;
        QString error;
        if (m_engine->rotate(token.id, &error)) {
            Q_EMIT rotationStarted(token);
        } else if (m_announcedOverdue.value(token.id) != due) {
            m_announcedOverdue.insert(token.id, due);
            qCWarning(lcScheduler) << "cannot start the rotation of" << token.name << ":" << error;
            Q_EMIT overdue(token, due);
        }
    }
}
